import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import { catalogSlos } from './catalog-slos.ts';
import { objectiveText } from './format.ts';

const resolved = resolveCatalog(loadCatalog(), 'local', {});

describe('catalog SLOs', () => {
  it("gives every http service the seeds' table: availability 99.9%, p95 < 500 ms, p99 < 1 s, error rate < 1%", () => {
    const gateway = catalogSlos(selectServices(resolved, ['api-gateway']));
    expect(gateway.map((s) => [s.name, objectiveText(s), s.key, s.windowDays])).toEqual([
      ['availability', '>= 99.9%', true, 30],
      ['error-rate', '<= 1%', true, 30],
      ['latency-p95', '< 500 ms', true, 30],
      ['latency-p99', '< 1 s', false, 30],
    ]);
  });

  it('adds sample processing < 5 s and queue depth < 100 where the catalog sets them', () => {
    const ids = catalogSlos(resolved).map((s) => s.id);
    expect(ids).toContain('sample-service:sample-processing-p95');
    expect(ids).toContain('sequencing-service:queue-depth');
    expect(ids.filter((id) => id.endsWith(':queue-depth'))).toEqual(['sequencing-service:queue-depth']);
  });

  it('covers only http services and gives each id once', () => {
    const slos = catalogSlos(resolved);
    const ids = slos.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(slos.some((s) => s.service === 'postgres')).toBe(false);
    expect(new Set(slos.map((s) => s.service)).size).toBe(resolved.catalog.services.filter((s) => s.kind === 'http').length);
  });

  it('selects series by the service label, excluding probes, and uses the 500 ms bucket for the p95 budget', () => {
    const p95 = catalogSlos(selectServices(resolved, ['sample-service'])).find((s) => s.name === 'latency-p95')!;
    expect(p95.sli.kind === 'threshold' && p95.sli.query).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="sample-service",route!~"/metrics|/health.*|/__admin.*"}[{{window}}])))',
    );
    expect(p95.sli.kind === 'threshold' && p95.sli.budget?.good).toContain('le="0.5"');
    const job = catalogSlos(selectServices(resolved, ['sample-service']), { serviceLabel: 'job' })[0]!;
    expect(job.sli.kind === 'ratio' && job.sli.total).toContain('{job="sample-service"');
  });
});
