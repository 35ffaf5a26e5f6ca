import { describe, expect, it } from 'vitest';
import type { EndpointSummary, LoadSummary } from '../analyzer/summary-schema.ts';
import type { Baseline } from './baseline-schema.ts';
import { baselineFromSummary } from './baseline-file.ts';
import { compareWithBaseline, describeRegression, type Tolerances } from './compare.ts';
import { parseCriterion, type Criterion } from './criteria.ts';

const crit = (t: string) => parseCriterion(t) as Criterion;
const TOL: Tolerances = { p95: crit('<=+10%'), throughput: crit('>=-10%'), errorRate: crit('<=+0.5') };

const endpoint = (name: string, p95: number, rps: number, errorRate: number, requests = 1000): EndpointSummary => ({
  service: 'sample-service', endpoint: name, requests, errors: Math.round(errorRate * requests), rateLimited: 0, errorRate, rateLimitedFraction: 0, rps,
  latency: { p50: p95 / 2, p95, p99: p95 * 2, max: p95 * 3, mean: p95 / 2 },
});

const summary = (endpoints: EndpointSummary[]): LoadSummary => ({
  scenario: 'load', env: 'local', startedAt: '2026-01-01T00:00:00.000Z', durationS: 60,
  overall: endpoints[0]!, services: [], endpoints, series: [], droppedIterations: 0, vusMax: 10, malformedLines: 0,
});

const base: Baseline = baselineFromSummary(summary([endpoint('list-samples', 100, 400, 0.001), endpoint('create-sample', 200, 100, 0)]), 'run-1', new Date(0));

describe('baseline comparison', () => {
  it('passes a run within every tolerance', () => {
    const result = compareWithBaseline(base, summary([endpoint('list-samples', 109, 370, 0.005), endpoint('create-sample', 205, 95, 0.004)]), TOL, 100);
    expect(result.checks).toHaveLength(6);
    expect(result.checks.every((c) => c.ok)).toBe(true);
  });

  it('fails p95 +12%, throughput -15% and error rate +0.6 pp, naming each', () => {
    const result = compareWithBaseline(base, summary([endpoint('list-samples', 112, 340, 0.007), endpoint('create-sample', 200, 100, 0)]), TOL, 100);
    const failed = result.checks.filter((c) => !c.ok);
    expect(failed.map((c) => `${c.endpoint} ${c.metric}`)).toEqual(['list-samples p95', 'list-samples throughput', 'list-samples errorRate']);
    expect(describeRegression(failed[0]!)).toBe('sample-service list-samples p95 112.0 ms vs baseline 100.0 ms (limit <=+10% = 110.0 ms)');
  });

  it('takes a p95 rise under the noise floor as noise, however large in percent, and still fails one above it', () => {
    const noisy: Tolerances = { ...TOL, minP95DeltaMs: 25 };
    const small = compareWithBaseline(base, summary([endpoint('list-samples', 120, 400, 0.001), endpoint('create-sample', 260, 100, 0)]), noisy, 100);
    expect(small.checks.filter((c) => c.metric === 'p95').map((c) => [c.endpoint, c.ok])).toEqual([['list-samples', true], ['create-sample', false]]);
  });

  it('lists endpoints it could not judge instead of passing them', () => {
    const result = compareWithBaseline(base, summary([endpoint('list-samples', 100, 400, 0, 20)]), TOL, 100);
    expect(result.checks).toEqual([]);
    expect(result.missing).toEqual(['sample-service create-sample']);
    expect(result.tooFew).toEqual(['sample-service list-samples (20 requests)']);
  });
});
