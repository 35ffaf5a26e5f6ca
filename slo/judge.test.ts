import { describe, expect, it } from 'vitest';
import { judge, type Comparison } from './judge.ts';
import { measure } from './measure.ts';
import { planSlo } from './plan.ts';
import type { QueryResult } from './prom/result.ts';
import { byMetric, empty, ratioSlo, thresholdSlo, value } from './test-helpers.ts';
import type { Slo } from './model.ts';
import { verdict } from './score.ts';

const HOUR = 3_600_000;
const AT = new Date('2026-05-17T12:00:00Z');
const run = (slo: Slo, answers: Record<string, QueryResult>, comparison?: Comparison) =>
  judge(measure(planSlo(slo, HOUR, AT), byMetric(answers)), comparison);

describe('judging a ratio SLO', () => {
  it.each([
    // bad, total, outcome, value text
    [0, 1000, 'pass', '100%'],
    [1, 1000, 'pass', '99.9%'],
    [2, 1000, 'fail', '99.8%'],
    [20, 1000, 'fail', '98%'],
  ])('%i bad of %i gives %s (%s)', (bad, total, outcome, text) => {
    const e = run(ratioSlo(), { bad: value(bad), total: value(total) });
    expect(e.outcome).toBe(outcome);
    expect(e.valueText).toBe(text);
    if (outcome === 'fail') expect(e.failureKind).toBe('slo-breach');
  });

  it('counts an absent bad-events series as no bad events', () => {
    expect(run(ratioSlo(), { bad: empty, total: value(500) })).toMatchObject({ outcome: 'pass', value: 1 });
  });

  it.each([
    [{ bad: value(0), total: empty }, 'no data: no series for the total over 1h'],
    [{ bad: value(0), total: value(0) }, 'no data: no events over 1h (total is 0)'],
    [{ bad: value(0), total: value(Number.NaN) }, 'no data: the count is NaN'],
  ])('is no data, never a pass, without events (%j)', (answers, reason) => {
    const e = run(ratioSlo(), answers as Record<string, QueryResult>);
    expect(e).toMatchObject({ outcome: 'no-data', failureKind: 'no-data', reason });
  });

  it('is no data with the query failure when a query errors', () => {
    const e = run(ratioSlo(), { bad: { ok: false, kind: 'query-error', message: 'Prometheus bad_data (HTTP 400): parse error', warnings: [] }, total: value(10) });
    expect(e).toMatchObject({ outcome: 'no-data', failureKind: 'query-error', reason: 'query failed: Prometheus bad_data (HTTP 400): parse error' });
  });

  it('shows an error-rate SLO as the bad fraction against "<= 1%"', () => {
    const e = run(ratioSlo({ id: 'svc:error-rate', name: 'error-rate', display: 'bad-ratio', objective: 0.99 }), { bad: value(20), total: value(1000) });
    expect(e).toMatchObject({ outcome: 'fail', valueText: '2%', objectiveText: '<= 1%' });
    expect(e.value).toBeCloseTo(0.02, 12);
  });

  it('warns instead of failing within the warning bound', () => {
    const e = run(ratioSlo({ warning: 0.995 }), { bad: value(3), total: value(1000) });
    expect(e.outcome).toBe('warn');
    expect(e.reason).toMatch(/99\.7% misses >= 99\.9%; within the warning bound 99\.5%/);
  });

  it('computes the error budget over the period and burn rates per window pair', () => {
    const e = run(ratioSlo(), { bad: value(5), total: value(1000), ratio: value(0.02) });
    expect(e.budget?.period).toBe('30d');
    expect(e.budget?.consumed).toBeCloseTo(5, 9);
    expect(e.budget?.remaining).toBeCloseTo(-4, 9);
    expect(e.burn.map((b) => [b.longWindow, b.shortWindow, b.factor, Number(b.longRate?.toFixed(6)), b.firing])).toEqual([
      ['1h', '5m', 14.4, 20, true], ['6h', '30m', 6, 20, true], ['1d', '2h', 3, 20, true], ['3d', '6h', 1, 20, true],
    ]);
  });
});

describe('judging a threshold SLO', () => {
  it('passes under the bound and fails at or over a strict bound', () => {
    expect(run(thresholdSlo(), { p95: value(0.12), fast: value(99), all: value(100) })).toMatchObject({ outcome: 'pass', valueText: '120 ms' });
    expect(run(thresholdSlo(), { p95: value(0.5) })).toMatchObject({ outcome: 'fail', valueText: '500 ms', objectiveText: '< 500 ms' });
  });

  it('fails on +Inf (the quantile is beyond the last bucket) and treats NaN as no data', () => {
    expect(run(thresholdSlo(), { p95: value(Number.POSITIVE_INFINITY) })).toMatchObject({ outcome: 'fail', valueText: '+Inf' });
    expect(run(thresholdSlo(), { p95: value(Number.NaN) })).toMatchObject({ outcome: 'no-data', reason: 'no data: the query gave NaN over 1h (no observations)' });
    expect(run(thresholdSlo(), { p95: empty })).toMatchObject({ outcome: 'no-data', reason: 'no data: the query returned no series over 1h' });
  });

  it('judges several series on the worst one and says so', () => {
    const several: QueryResult = { ok: true, warnings: [], samples: [{ labels: { route: '/a' }, value: 0.1 }, { labels: { route: '/b' }, value: 0.7 }, { labels: { route: '/c' }, value: Number.NaN }] };
    const e = run(thresholdSlo(), { p95: several });
    expect(e).toMatchObject({ outcome: 'fail', valueText: '700 ms' });
    expect(e.notes).toContain('3 series; judged on the worst, {route="/b"}');
  });

  it('reports the latency budget from the good (fast) events', () => {
    const e = run(thresholdSlo(), { p95: value(0.2), fast: value(97), all: value(100) });
    expect(e.budget?.consumed).toBeCloseTo(0.6, 9);
  });

  it('notes a missing good-events series instead of hiding it', () => {
    const e = run(thresholdSlo(), { p95: value(0.2), fast: empty, all: value(100) });
    expect(e.notes).toContain('the good-events query returned no series over 30d; counted as 0');
    expect(e.budget?.consumed).toBeCloseTo(20, 9);
  });
});

describe('relative criteria', () => {
  const history = (values: number[], stored = values.length, requested = 3): Comparison => ({ requested, stored, values });

  it('passes within +10% of the stored baseline and fails beyond it', () => {
    expect(run(thresholdSlo(), { p95: value(0.21) }, history([0.2, 0.2, 0.2]))).toMatchObject({ outcome: 'pass' });
    const e = run(thresholdSlo(), { p95: value(0.25) }, history([0.2, 0.2, 0.2]));
    expect(e).toMatchObject({ outcome: 'fail', failureKind: 'regression' });
    expect(e.reason).toBe('250 ms misses <=+10% of baseline 200 ms (bound 220 ms)');
  });

  it('is neutral on the first evaluation (Keptn): a pass that says the criteria were not compared', () => {
    const e = run(thresholdSlo(), { p95: value(0.1) }, history([], 0, 5));
    expect(e).toMatchObject({ outcome: 'pass', relative: [], reason: '100 ms meets < 500 ms; <=+10% not compared (first evaluation)' });
    expect(e.notes).toContain('<=+10% not compared (first evaluation)');
    expect(e.failureKind).toBeUndefined();
  });

  it('is neutral, and says why, when stored evaluations hold no passing value for this SLO', () => {
    const e = run(thresholdSlo(), { p95: value(0.1) }, history([], 2, 5));
    expect(e).toMatchObject({ outcome: 'pass', reason: '100 ms meets < 500 ms; <=+10% not compared (none of the 2 stored evaluation(s) has a passing value for this SLO)' });
  });

  it('still fails the absolute objective on the first evaluation', () => {
    expect(run(thresholdSlo(), { p95: value(0.7) }, history([], 0, 5))).toMatchObject({ outcome: 'fail', failureKind: 'slo-breach', reason: '700 ms misses < 500 ms' });
  });

  it('compares with the evaluations there are when fewer were stored than asked for, and says so', () => {
    const fewer = history([0.2, 0.2], 3, 7);
    expect(run(thresholdSlo(), { p95: value(0.21) }, fewer)).toMatchObject({ outcome: 'pass', reason: '210 ms meets < 500 ms' });
    const e = run(thresholdSlo(), { p95: value(0.3) }, fewer);
    expect(e).toMatchObject({ outcome: 'fail', failureKind: 'regression', reason: '300 ms misses <=+10% of baseline 200 ms (bound 220 ms)' });
    expect(e.notes).toContain('compared with 2 stored evaluation(s), fewer than the 7 asked for (1 without a passing value for this SLO left out)');
  });

  it('does not lower the score on the first evaluation: every latency SLO with relative criteria passes at 100%', () => {
    const slos = [thresholdSlo(), thresholdSlo({ id: 'svc:latency-p99', name: 'latency-p99', key: false, objective: 1 }), ratioSlo()];
    const evaluations = slos.map((slo) => run(slo, { p95: value(0.1), bad: value(0), total: value(100) }, history([], 0, 7)));
    expect(evaluations.map((e) => e.outcome)).toEqual(['pass', 'pass', 'pass']);
    expect(verdict(evaluations, { pass: 90, warning: 75 })).toMatchObject({ outcome: 'pass', score: 100 });
  });

  it('treats a latency change under the noise floor as met, whatever the percentage, and says so', () => {
    const noisy: Comparison = { requested: 7, stored: 1, values: [0.0048], noiseSeconds: 0.025 };
    const e = run(thresholdSlo(), { p95: value(0.0095) }, noisy);
    expect(e).toMatchObject({ outcome: 'pass' });
    expect(e.notes.some((n) => /within the noise floor of 25 ms: met/.test(n))).toBe(true);
    expect(run(thresholdSlo(), { p95: value(0.25) }, { ...noisy, values: [0.2] })).toMatchObject({ outcome: 'fail', failureKind: 'regression' });
  });

  it('does not compare a quantile of too few observations, and says how many there were', () => {
    // A p95 needs 100 observations over the window (5 beyond the quantile), a p99 500.
    const stored = history([0.0098, 0.0098]);
    const thin = run(thresholdSlo(), { p95: value(0.0475), all: value(40) }, stored);
    expect(thin).toMatchObject({ outcome: 'pass', relative: [], reason: '47.5 ms meets < 500 ms; <=+10% not compared (40 observation(s) over 1h, fewer than the 100 a stable comparison needs)' });
    expect(run(thresholdSlo(), { p95: value(0.0475), all: value(100) }, stored)).toMatchObject({ outcome: 'fail', failureKind: 'regression' });
    const p99 = (n: number) => run(thresholdSlo({ id: 'svc:latency-p99', name: 'latency-p99', sli: { kind: 'threshold', query: 'p99[{{window}}]', op: '<', unit: 'seconds', budget: { good: 'sum(increase(fast[{{window}}]))', total: 'sum(increase(all[{{window}}]))', target: 0.99 } } }), { p99: value(0.3), all: value(n) }, history([0.2]));
    expect(p99(499)).toMatchObject({ outcome: 'pass', relative: [] });
    expect(p99(500)).toMatchObject({ outcome: 'fail', failureKind: 'regression' });
    // The absolute objective is judged whatever the count.
    expect(run(thresholdSlo(), { p95: value(0.7), all: value(3) }, stored)).toMatchObject({ outcome: 'fail', failureKind: 'slo-breach' });
  });

  it('compares as before when Prometheus gave no count for the window', () => {
    expect(run(thresholdSlo(), { p95: value(0.0475), all: { ok: true, samples: [], warnings: [] } }, history([0.0098]))).toMatchObject({ outcome: 'fail', failureKind: 'regression' });
  });

  it('is not applied when no comparison was asked for', () => {
    expect(run(thresholdSlo(), { p95: value(0.1) })).toMatchObject({ outcome: 'pass', relative: [] });
  });
});
