import { Registry, Counter, Histogram, Gauge } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { missingMetrics, parsePrometheusText } from './prom-text.ts';

async function promClientText(): Promise<string> {
  const registry = new Registry();
  const counter = new Counter({ name: 'http_requests_total', help: 'requests', labelNames: ['route', 'status'], registers: [registry] });
  counter.inc({ route: '/api/v1/samples/:id', status: '200' });
  counter.inc({ route: 'we"ird\\path\n', status: '500' });
  new Histogram({ name: 'http_request_duration_seconds', help: 'latency', registers: [registry] }).observe(0.01);
  new Gauge({ name: 'sequencing_queue_depth', help: 'depth', registers: [registry] });
  return registry.metrics();
}

describe('the Prometheus text parser', () => {
  it('reads what prom-client writes, including escaped label values, histograms and unsampled gauges', async () => {
    const parsed = parsePrometheusText(await promClientText());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.families.get('http_requests_total')).toEqual({ name: 'http_requests_total', type: 'counter', samples: 2 });
    expect(parsed.families.get('http_request_duration_seconds')?.type).toBe('histogram');
    expect(parsed.families.get('http_request_duration_seconds_bucket')?.samples).toBeGreaterThan(5);
    expect(missingMetrics(parsed.families, ['http_requests_total', 'http_request_duration_seconds', 'sequencing_queue_depth'])).toEqual([]);
  });

  it('names the required metrics that are absent', async () => {
    const parsed = parsePrometheusText(await promClientText());
    if (!parsed.ok) throw new Error('unexpected parse failure');
    expect(missingMetrics(parsed.families, ['saga_failed_transactions', 'http_requests_total', 'circuit_breaker_state'])).toEqual(['saga_failed_transactions', 'circuit_breaker_state']);
  });

  it('accepts special values, timestamps and untyped samples', () => {
    const parsed = parsePrometheusText('a NaN\nb{x="1"} +Inf 1700000000000\nc -Inf\nd 1.5e-3\n# plain comment\n');
    expect(parsed.ok && [...parsed.families.keys()]).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each([
    ['<html><body>Not Found</body></html>', 1, 'bad metric name'],
    ['ok 1\nhttp_requests_total{route="/x" 3', 2, 'bad label'],
    ['ok 1\n\nbad_value one', 3, 'bad sample value "one" for bad_value'],
    ['# TYPE x countr', 1, 'unknown metric type "countr" for x'],
    ['x{a="1"} 1 2 3', 1, 'bad timestamp for x'],
    ['{"status":"healthy"}', 1, 'bad metric name'],
  ])('rejects %j at line %i', (text, line, error) => {
    const parsed = parsePrometheusText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.line).toBe(line);
    expect(parsed.error).toContain(error);
  });
});
