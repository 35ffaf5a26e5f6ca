import { describe, expect, it } from 'vitest';
import { addSample, createAnalysis, type Analysis } from '../analyzer/analysis.ts';
import { parseCriterion, type Criterion } from '../baseline/criteria.ts';
import { driftCheck } from '../checks/drift-check.ts';
import { holdPhase, measureDrift, type DriftCriteria } from './drift.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const START_S = T0 / 1000;
const c = (text: string) => parseCriterion(text) as Criterion;
const CRITERIA: DriftCriteria = { p95: c('<=+20%'), errorRate: c('<=+0.5'), throughput: c('>=-10%'), minP95DeltaMs: 10 };

/** A run: `seconds` seconds at `rps` requests a second, latency and errors by second. */
function run(seconds: number, rps: number, latencyAt: (s: number) => number, failAt: (s: number) => boolean = () => false): Analysis {
  const a = createAnalysis();
  for (let s = 0; s < seconds; s += 1) {
    for (let i = 0; i < rps; i += 1) {
      const failed = failAt(s) && i % 10 === 0;
      addSample(a, { metric: 'http_req_duration', timeMs: T0 + s * 1000 + i, value: latencyAt(s), tags: { status: failed ? '500' : '200', expected_response: failed ? 'false' : 'true', service: 'sample-service', endpoint: 'list-samples' } });
    }
  }
  return a;
}

describe('the soak hold', () => {
  it('runs from the end of the ramp to the start of the stop', () => {
    expect(holdPhase([{ t: 0, rps: 0 }, { t: 30, rps: 500 }, { t: 630, rps: 500 }])).toEqual({ from: 30, to: 630 });
    expect(holdPhase([{ t: 0, rps: 0 }, { t: 30, rps: 500 }])).toBeUndefined();
    expect(holdPhase([])).toBeUndefined();
  });
});

describe('soak drift', () => {
  const hold = { from: 0, to: 60 };

  it('passes a steady system', () => {
    const drift = measureDrift(run(60, 20, () => 40), START_S, hold, CRITERIA)!;
    expect(drift.problems).toEqual([]);
    expect(drift.early.p95).toBeCloseTo(40, 0);
    expect(driftCheck(drift, 60).outcome).toBe('pass');
  });

  it('fails latency that creeps up although every second stays fast', () => {
    const drift = measureDrift(run(60, 20, (s) => 40 + s * 1.5), START_S, hold, CRITERIA)!;
    expect(drift.problems).toHaveLength(1);
    expect(drift.problems[0]).toMatch(/^p95 drifted from \d+ ms to \d+ ms \(\d+%; allowed <=\+20%, limit \d+ ms\)$/);
    const check = driftCheck(drift, 60);
    expect(check.outcome).toBe('fail');
    expect(check.failure?.message).toMatch(/degraded during the soak: p95 drifted/);
  });

  it('ignores a relative rise smaller than the noise floor', () => {
    expect(measureDrift(run(60, 20, (s) => (s < 30 ? 2 : 6)), START_S, hold, CRITERIA)!.problems).toEqual([]);
  });

  it('fails errors that appear late, and throughput that falls', () => {
    const errors = measureDrift(run(60, 20, () => 40, (s) => s >= 35), START_S, hold, CRITERIA)!;
    expect(errors.problems).toEqual(['error rate drifted from 0.00% to 10.00% (allowed <=+0.5 points)']);
    const a = run(60, 20, () => 40);
    for (let s = 35; s < 60; s += 1) a.seconds.get(START_S + s)!.count = 10;
    expect(measureDrift(a, START_S, hold, CRITERIA)!.problems).toEqual(['throughput drifted from 20 to 10 req/s (allowed >=-10%)']);
  });

  it('does not judge a hold too short to cut in thirds, and says so', () => {
    expect(measureDrift(run(12, 20, () => 40), START_S, { from: 0, to: 12 }, CRITERIA)).toBeUndefined();
    const check = driftCheck(undefined, 12);
    expect(check.outcome).toBe('warn');
    expect(check.failure?.message).toMatch(/hold \(12 s\) is too short.*at least 17 s/);
  });
});
