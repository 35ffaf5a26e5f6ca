import { describe, expect, it } from 'vitest';
import type { LoadSummary, RequestStats } from '../analyzer/summary-schema.ts';
import { evaluateThresholds } from './evaluate.ts';
import type { ThresholdSpec } from './spec.ts';

const stats = (p95: number, errorRate: number, requests = 100): RequestStats => ({
  requests, errors: Math.round(errorRate * requests), rateLimited: 0, errorRate, rateLimitedFraction: 0, rps: 10,
  latency: { p50: p95 / 2, p95, p99: p95 * 1.5, max: p95 * 2, mean: p95 / 2 },
});
const summary: LoadSummary = {
  scenario: 'load', env: 'local', startedAt: '', durationS: 10, overall: stats(300, 0.004),
  services: [{ service: 'sample-service', ...stats(612, 0.004) }], endpoints: [], series: [], droppedIterations: 3, vusMax: 10, malformedLines: 0,
};
const spec = (s: Partial<ThresholdSpec>): ThresholdSpec => ({ metric: 'http_req_duration', service: undefined, stat: 'p(95)', op: '<', value: 500, source: 'test', ...s });

describe('threshold evaluation on merged results', () => {
  it.each([
    ['overall p95', spec({}), 300, 'pass'],
    ['sample-service p95', spec({ service: 'sample-service' }), 612, 'fail'],
    ['sample-service p99', spec({ service: 'sample-service', stat: 'p(99)', value: 1000 }), 918, 'pass'],
    ['overall error rate', spec({ metric: 'http_req_failed', stat: 'rate', value: 0.01 }), 0.004, 'pass'],
    ['dropped iterations', spec({ metric: 'dropped_iterations', stat: 'count', op: '<=', value: 0 }), 3, 'fail'],
    ['a service without traffic', spec({ service: 'storage-service' }), null, 'unmeasured'],
  ] as const)('%s', (_name, s, observed, verdict) => {
    const [result] = evaluateThresholds([s], summary);
    if (observed === null) expect(result?.observed).toBeNull();
    else expect(result?.observed).toBeCloseTo(observed);
    expect(result?.verdict).toBe(verdict);
  });
});
