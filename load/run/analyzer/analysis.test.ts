import { describe, expect, it } from 'vitest';
import { addSample, classify, createAnalysis } from './analysis.ts';
import type { K6Sample } from './k6-sample.ts';
import { summarize } from './summarize.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const req = (ms: number, at: number, tags: Record<string, string> = {}): K6Sample => ({
  metric: 'http_req_duration',
  timeMs: T0 + at,
  value: ms,
  tags: { status: '200', expected_response: 'true', service: 'sample-service', endpoint: 'list-samples', ...tags },
});

describe('classify', () => {
  it.each([
    [{ status: '200', expected_response: 'true' }, 'ok'],
    [{ status: '500', expected_response: 'false' }, 'error'],
    [{ status: '429', expected_response: 'true' }, 'rate-limited'],
    [{ status: '429', expected_response: 'false' }, 'rate-limited'],
    [{ status: '0', expected_response: 'false' }, 'error'],
    [{ status: '404' }, 'error'],
    [{ status: '201' }, 'ok'],
    [{}, 'error'],
  ] as const)('classifies %o as %s', (tags, expected) => {
    expect(classify(tags)).toBe(expected);
  });
});

describe('the analyzer', () => {
  it('counts requests, errors and 429s apart, per second and per endpoint', () => {
    const a = createAnalysis();
    addSample(a, req(10, 0));
    addSample(a, req(20, 100, { status: '500', expected_response: 'false' }));
    addSample(a, req(5, 1500, { status: '429' }));
    addSample(a, req(30, 1600, { endpoint: 'get-sample' }));
    const s = summarize(a, 'load', 'local');
    expect(s.overall).toMatchObject({ requests: 4, errors: 1, rateLimited: 1, errorRate: 0.25, rateLimitedFraction: 0.25 });
    expect(s.series.map((p) => [p.rps, p.errors, p.rateLimited])).toEqual([[2, 1, 0], [2, 0, 1]]);
    expect(s.endpoints.map((e) => `${e.endpoint}:${e.requests}`)).toEqual(['get-sample:1', 'list-samples:3']);
    expect(s.services).toHaveLength(1);
  });

  it('keeps silent seconds in the series as zero', () => {
    const a = createAnalysis();
    addSample(a, req(10, 0));
    addSample(a, req(10, 3200));
    expect(summarize(a, 'load', 'local').series.map((p) => p.rps)).toEqual([1, 0, 0, 1]);
  });

  it('takes throughput over the measured duration', () => {
    const a = createAnalysis();
    for (let i = 0; i <= 100; i += 1) addSample(a, req(10, i * 100));
    const s = summarize(a, 'load', 'local');
    expect(s.durationS).toBe(10);
    expect(s.overall.rps).toBeCloseTo(10.1, 6);
  });

  it('records dropped iterations and the peak VUs per second', () => {
    const a = createAnalysis();
    addSample(a, req(10, 0));
    addSample(a, { metric: 'dropped_iterations', timeMs: T0 + 200, value: 1, tags: {} });
    addSample(a, { metric: 'dropped_iterations', timeMs: T0 + 300, value: 1, tags: {} });
    addSample(a, { metric: 'vus', timeMs: T0 + 400, value: 7, tags: {} });
    addSample(a, { metric: 'vus', timeMs: T0 + 900, value: 3, tags: {} });
    const s = summarize(a, 'stress', 'local');
    expect(s.droppedIterations).toBe(2);
    expect(s.vusMax).toBe(7);
    expect(s.series[0]).toMatchObject({ dropped: 2, vus: 7 });
  });

  it('marks when the scenarios started', () => {
    const a = createAnalysis();
    addSample(a, { metric: 'tracseq_scenarios_start', timeMs: T0 + 250, value: 1, tags: {} });
    expect(a.scenariosStartMs).toBe(T0 + 250);
  });

  it('says nothing was measured when there is no sample', () => {
    const s = summarize(createAnalysis(), 'load', 'local');
    expect(s.overall.requests).toBe(0);
    expect(s.overall.latency.p95).toBeNull();
    expect(s.series).toEqual([]);
  });
});
