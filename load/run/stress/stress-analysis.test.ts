import { describe, expect, it } from 'vitest';
import { addSample, createAnalysis } from '../analyzer/analysis.ts';
import { summarize } from '../analyzer/summarize.ts';
import { analyzeStress } from './stress-analysis.ts';

const T0 = 1_800_000_000_000;
const C = { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 };

/** A run second by second: [requests, latency ms]. */
function run(seconds: [number, number][]) {
  const a = createAnalysis();
  addSample(a, { metric: 'tracseq_scenarios_start', timeMs: T0, value: 1, tags: {} });
  seconds.forEach(([n, ms], s) => {
    for (let i = 0; i < n; i += 1) {
      addSample(a, { metric: 'http_req_duration', timeMs: T0 + s * 1000 + (i * 1000) / n, value: ms, tags: { status: '200', expected_response: 'true' } });
    }
  });
  return a;
}

// Offered: 10 -> 100 req/s over 10 s, held 2 s, down to 10 req/s in 1 s, held 8 s.
const schedule = [{ t: 0, rps: 10 }, { t: 10, rps: 100 }, { t: 12, rps: 100 }, { t: 13, rps: 10 }, { t: 21, rps: 10 }];

describe('the stress analysis of a run', () => {
  it('finds the break on the climb and the recovery after the fall', () => {
    const climb: [number, number][] = Array.from({ length: 12 }, (_, s) => [10 + s * 9, s < 6 ? 50 : 900]);
    const low: [number, number][] = [[10, 900], [10, 900], [10, 900], ...Array.from({ length: 7 }, (): [number, number] => [10, 40])];
    const a = run([...climb, ...low]);
    const { table, curve } = analyzeStress(a, summarize(a, 'stress', 'local'), schedule, C, 2);
    expect(table.broke).toBe(true);
    expect(table.breakingPointRps).toBe((46 + 55) / 2);
    expect(table.recovered).toBe(true);
    expect(table.recoveryTimeS).toBe(2);
    expect(curve[5]?.offeredRps).toBeCloseTo(10 + 9 * 5.5);
  });

  it('does not take a healthy window of the low-rate tail for the breaking point', () => {
    const climb: [number, number][] = Array.from({ length: 12 }, (_, s) => [10 + s * 9, 900]);
    const low: [number, number][] = Array.from({ length: 9 }, (): [number, number] => [10, 40]);
    const a = run([...climb, ...low]);
    const { table } = analyzeStress(a, summarize(a, 'stress', 'local'), schedule, C, 2);
    expect(table.breakingPointRps).toBeNull();
    expect(table.broke).toBe(true);
    expect(table.recovered).toBe(true);
  });
});
