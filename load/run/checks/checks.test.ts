import { describe, expect, it } from 'vitest';
import type { RequestStats } from '../analyzer/summary-schema.ts';
import { mapK6Exit } from '../k6/exit-codes.ts';
import type { ThresholdResult } from '../thresholds/evaluate.ts';
import { combineThresholdResults } from '../summary-export.ts';
import { k6Check } from './k6-check.ts';
import { rateLimitCheck } from './rate-limit-check.ts';
import { stressChecks } from './stress-checks.ts';
import type { StressTable } from '../data.ts';
import { thresholdChecks } from './threshold-checks.ts';

const stats = (requests: number, rateLimited: number): RequestStats => ({
  requests, errors: 0, rateLimited, errorRate: 0, rateLimitedFraction: rateLimited / requests, rps: 10,
  latency: { p50: 1, p95: 2, p99: 3, max: 4, mean: 1 },
});

describe('the rate-limit check', () => {
  it('passes without 429s, warns on a few, and is inconclusive when the run mostly measured the rate limiter', () => {
    expect(rateLimitCheck(stats(1000, 0), 0.5).outcome).toBe('pass');
    expect(rateLimitCheck(stats(1000, 30), 0.5)).toMatchObject({ outcome: 'warn', failure: { message: expect.stringContaining('30 responses (3.0%) were 429') } });
    const mostly = rateLimitCheck(stats(1000, 930), 0.5);
    expect(mostly.outcome).toBe('inconclusive');
    expect(mostly.failure?.message).toMatch(/^mostly measured the rate limiter: 93.0% of 1,000 responses were 429,/);
  });

  it('names the service the journeys enter through as the limiter, and no service when there is none (the endpoints scenario alone)', () => {
    expect(rateLimitCheck(stats(1000, 930), 0.5, 'api-gateway')).toMatchObject({ service: 'api-gateway', failure: { message: expect.stringContaining('were 429 from api-gateway,') } });
    expect(rateLimitCheck(stats(1000, 0), 0.5)).not.toHaveProperty('service');
  });
});

describe('threshold checks', () => {
  const failed: ThresholdResult = {
    spec: { metric: 'http_req_duration', service: 'sample-service', stat: 'p(95)', op: '<', value: 500, source: 'catalog: sample-service latencyP95Ms' },
    observed: 631.4,
    verdict: 'fail',
  };
  it('name the service, the measured value and the SLO it breaches', () => {
    const [check] = thresholdChecks([failed], undefined);
    expect(check).toMatchObject({ service: 'sample-service', outcome: 'fail', failure: { kind: 'threshold' } });
    expect(check?.failure?.message).toBe('sample-service: 631.4 ms breaches p95 < 500 ms (k6 threshold http_req_duration{service:sample-service} p(95)<500; catalog: sample-service latencyP95Ms)');
  });

  it("fail when k6's own evaluation failed even if the merged histogram sits at the limit", () => {
    const k6 = new Map([['http_req_duration{service:sample-service}', new Map([['p(95)<500', false]])]]);
    const [check] = thresholdChecks([{ ...failed, observed: 499.9, verdict: 'pass' }], k6);
    expect(check?.outcome).toBe('fail');
    expect(check?.failure?.message).toContain('k6 judged it crossed');
  });

  it('combine several instances: a threshold held only if every instance held it', () => {
    const a = new Map([['http_req_failed', new Map([['rate<0.01', true]])]]);
    const b = new Map([['http_req_failed', new Map([['rate<0.01', false]])]]);
    expect(combineThresholdResults([a, b]).get('http_req_failed')?.get('rate<0.01')).toBe(false);
    expect(combineThresholdResults([a, a]).get('http_req_failed')?.get('rate<0.01')).toBe(true);
  });

  it('keep unmeasured thresholds, per service and overall, as inconclusive: a loaded service that got no request was not checked', () => {
    const none = thresholdChecks([{ ...failed, observed: null, verdict: 'unmeasured' }], undefined);
    expect(none[0]).toMatchObject({ service: 'sample-service', outcome: 'inconclusive', failure: { kind: 'no-data', message: 'sample-service: no request measured, so p95 < 500 ms was not checked' } });
    const overall = thresholdChecks([{ spec: { ...failed.spec, service: undefined }, observed: null, verdict: 'unmeasured' }], undefined);
    expect(overall[0]?.outcome).toBe('inconclusive');
  });
});

describe('the k6 check', () => {
  it('passes when k6 ran to the end, thresholds being judged apart', () => {
    expect(k6Check(mapK6Exit(99), [99], undefined).outcome).toBe('pass');
  });
  it('is inconclusive when the script aborted, with the reason', () => {
    const check = k6Check(mapK6Exit(108), [108], 'test aborted: setup: login failed (HTTP 429: rate limited by the gateway)');
    expect(check.outcome).toBe('inconclusive');
    expect(check.failure?.message).toContain('HTTP 429');
  });
});

describe('stress checks', () => {
  const table = (over: Partial<StressTable>): StressTable => ({
    breakingPointRps: 1500, broke: true, breakAt: '2026-01-01T00:00:00.000Z', errorRateAtBreak: 0.04, p95AtBreakMs: 700, vusAtBreak: 300,
    breakReasons: ['p95 700 ms >= 500 ms'], maxConcurrentVus: 320, peakRps: 1700, recovered: true, recoveryTimeS: 6, totalRequests: 60_000,
    durationS: 60, averageRps: 1000, sustainSeconds: 5, criteria: { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 }, vuBudget: 400, limitedBy: null, ...over,
  });

  it('pass a system that breaks above the expected load and recovers', () => {
    expect(stressChecks(table({}), 1000, true).map((c) => c.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  it('fail a system that breaks below the expected load, saying where and why', () => {
    const [bp] = stressChecks(table({ breakingPointRps: 640, averageRps: 500, totalRequests: 30_000 }), 1000, true);
    expect(bp?.failure?.message).toBe('breaks at 640 req/s, below the expected 1,000 req/s (p95 700 ms >= 500 ms)');
  });

  it('are inconclusive when the ceiling was too low to find the break', () => {
    const [bp] = stressChecks(table({ broke: false, breakingPointRps: 400, breakReasons: [], averageRps: 300, totalRequests: 18_000, peakRps: 450 }), 1000, true);
    expect(bp?.outcome).toBe('inconclusive');
  });

  it('judge a spike on recovery only', () => {
    const checks = stressChecks(table({ recovered: false, recoveryTimeS: null }), 1000, false);
    expect(checks.map((c) => `${c.id}:${c.outcome}`)).toEqual(['load/stress/recovery:fail', 'load/stress/consistency:pass']);
  });
});
