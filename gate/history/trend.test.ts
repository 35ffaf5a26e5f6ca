import { describe, expect, it } from 'vitest';
import type { SuiteResult } from '../../core/result.ts';
import type { HistoryEntry, KeyFigures } from './history-schema.ts';
import { compareWithTrend, describeTrendRow, median, TrendSettings, withTrendChecks } from './trend.ts';

const figures = (over: Partial<KeyFigures> = {}, p95 = 40): KeyFigures => ({
  services: { 'sample-service': { p95, p99: p95 * 2 } }, throughputRps: 125, breakingPointRps: 900, recoveryS: 4, errorBudgetLeft: 0.9, ...over,
});
const night = (i: number, f: KeyFigures = figures(), verdict: HistoryEntry['verdict'] = 'pass'): HistoryEntry => ({
  version: 1, runId: `night-${i}`, at: `2026-12-0${i}T02:00:00.000Z`, target: 'local', env: 'local', profile: 'nightly', verdict, exitCode: verdict === 'fail' ? 1 : 0, figures: f, regressions: [],
});
const on = TrendSettings.parse({ compare: true });

describe('a run against the trend of its history', () => {
  it('takes the median (odd and even counts)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is not compared until enough passing runs are stored, and says how many', () => {
    const out = compareWithTrend(figures(), [night(1), night(2)], on);
    expect(out).toEqual({ judged: false, reason: 'not compared with the trend yet: 2 passing run(s) stored, 3 needed (trend.minNights)', rows: [] });
  });

  it('is not compared by a profile that only keeps the history', () => {
    expect(compareWithTrend(figures(), [night(1), night(2), night(3)], TrendSettings.parse({})).judged).toBe(false);
  });

  it('passes a run within the tolerances of the median', () => {
    const out = compareWithTrend(figures({ breakingPointRps: 700, recoveryS: 20 }, 55), [night(1), night(2), night(3)], on);
    expect(out.judged).toBe(true);
    expect(out.rows.map((r) => `${r.figure}${r.service ? `/${r.service}` : ''}:${r.ok}`)).toEqual([
      'p95/sample-service:true', 'p99/sample-service:true', 'throughput:true', 'breakingPoint:true', 'recovery:true', 'errorBudget:true',
    ]);
  });

  it('names a step change in p95 (above the tolerance and the noise floor) and in the breaking point', () => {
    const out = compareWithTrend(figures({ breakingPointRps: 500 }, 90), [night(1), night(2), night(3)], on);
    const failed = out.rows.filter((r) => !r.ok);
    expect(failed.map((r) => r.figure)).toEqual(['p95', 'p99', 'breakingPoint']);
    expect(describeTrendRow(failed[0]!)).toBe('sample-service p95 90.0 ms vs a median of 40.0 ms over 3 run(s) (limit <=+50% = 60.0 ms)');
    expect(describeTrendRow(failed[2]!)).toBe('breaking point 500.0 req/s vs a median of 900.0 req/s over 3 run(s) (limit >=-30% = 630.0 req/s)');
  });

  it('takes a large relative rise in a small latency as noise', () => {
    const out = compareWithTrend(figures({}, 12), [night(1, figures({}, 5)), night(2, figures({}, 5)), night(3, figures({}, 5))], on);
    expect(out.rows.find((r) => r.figure === 'p95')).toMatchObject({ current: 12, median: 5, ok: true });
  });

  it('leaves failed runs out of the yardstick, and takes only the last `nights`', () => {
    const bad = night(4, figures({ breakingPointRps: 100 }), 'fail');
    const stored = [night(1, figures({ breakingPointRps: 5000 })), night(2), night(3), bad, night(5), night(6)];
    const out = compareWithTrend(figures(), stored, TrendSettings.parse({ compare: true, nights: 3 }));
    expect(out.reason).toBe('compared with the median of the last 3 passing run(s)');
    expect(out.rows.find((r) => r.figure === 'breakingPoint')).toMatchObject({ median: 900, nights: 3 });
  });

  it('puts each compared figure on the suite that measured it, so the verdict names the step change', () => {
    const results: SuiteResult[] = [
      { suite: 'load', outcome: 'pass', startedAt: '', durationMs: 0, checks: [] },
      { suite: 'load', outcome: 'pass', startedAt: '', durationMs: 0, checks: [] },
      { suite: 'slo', outcome: 'pass', startedAt: '', durationMs: 0, checks: [] },
    ];
    const rows = compareWithTrend(figures({ breakingPointRps: 500 }), [night(1), night(2), night(3)], on).rows;
    const out = withTrendChecks(results, { steady: 0, stress: 1, slo: 2 }, rows);
    expect(out.map((r) => r.outcome)).toEqual(['pass', 'fail', 'pass']);
    expect(out[0]!.checks.map((c) => c.id)).toEqual(['trend/p95/sample-service', 'trend/p99/sample-service', 'trend/throughput']);
    expect(out[1]!.checks.find((c) => c.outcome === 'fail')?.failure).toMatchObject({ kind: 'regression', message: expect.stringMatching(/^step change against the trend: breaking point 500\.0 req\/s/) });
    expect(out[2]!.checks.map((c) => c.id)).toEqual(['trend/errorBudget']);
  });

  it('refuses a bad criterion in the profile, naming it', () => {
    expect(TrendSettings.safeParse({ compare: true, p95: '50%' }).error?.issues[0]?.path).toEqual(['p95']);
  });
});
