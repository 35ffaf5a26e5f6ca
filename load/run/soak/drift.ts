import type { Drift, PhaseStat } from '../data.ts';
import type { Analysis } from '../analyzer/analysis.ts';
import type { Criterion } from '../baseline/criteria.ts';
import { limitFor, meets } from '../baseline/criteria.ts';
import type { RatePoint } from '../stress/schedule.ts';
import { windowAt } from '../stress/windows.ts';

/**
 * Soak drift: a system that degrades slowly (a leak, a growing table, latency creep) can pass every
 * threshold over a whole soak because the good first hour hides the bad last one. The hold phase is
 * cut in thirds and the last third is compared with the first, with Keptn-style criteria as the
 * baseline comparison uses: p95 `<=+20%`, error rate `<=+0.5` (percentage points), throughput
 * `>=-10%`. A p95 rise smaller than `minP95DeltaMs` is noise on a fast system, never drift.
 */
export interface DriftCriteria {
  readonly p95: Criterion;
  readonly errorRate: Criterion;
  readonly throughput: Criterion;
  readonly minP95DeltaMs: number;
}

/** Each third must span at least this many seconds for a comparison to mean anything. */
export const MIN_PHASE_SECONDS = 5;

/** The hold: from when the offered load first reaches its peak to when it last leaves it (seconds after the start). */
export function holdPhase(schedule: readonly RatePoint[]): { from: number; to: number } | undefined {
  if (schedule.length === 0) return undefined;
  const peak = Math.max(...schedule.map((p) => p.rps));
  if (peak <= 0) return undefined;
  const at = schedule.filter((p) => p.rps >= peak * 0.999);
  const from = at[0]!.t;
  const to = at[at.length - 1]!.t;
  return to > from ? { from, to } : undefined;
}

function phase(a: Analysis, from: number, to: number): PhaseStat {
  const w = windowAt(a, from, to - from);
  return { from, to, requests: w.requests, rps: w.rps, errorRatePct: w.errorRate * 100, p95: w.p95 };
}

/**
 * Compares the last third of the hold with the first; undefined when the hold is too short to cut in
 * thirds of MIN_PHASE_SECONDS. `startS` is the Unix second the schedule's 0 falls on.
 */
export function measureDrift(a: Analysis, startS: number, hold: { from: number; to: number }, c: DriftCriteria): Drift | undefined {
  // Whole seconds strictly inside the hold: the ramp's last second and the stop's first are not steady state.
  const from = Math.ceil(startS + hold.from) + 1;
  const to = Math.floor(startS + hold.to) - 1;
  const third = Math.floor((to - from) / 3);
  if (third < MIN_PHASE_SECONDS) return undefined;
  const early = phase(a, from, from + third);
  const late = phase(a, to - third, to);
  const problems: string[] = [];
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  if (early.p95 !== null && late.p95 !== null && !meets(c.p95, early.p95, late.p95) && late.p95 - early.p95 >= c.minP95DeltaMs) {
    problems.push(`p95 drifted from ${fmt(early.p95)} ms to ${fmt(late.p95)} ms (${fmt(((late.p95 - early.p95) / early.p95) * 100)}%; allowed ${c.p95.text}, limit ${fmt(limitFor(c.p95, early.p95))} ms)`);
  }
  if (!meets(c.errorRate, early.errorRatePct, late.errorRatePct)) {
    problems.push(`error rate drifted from ${fmt(early.errorRatePct, 2)}% to ${fmt(late.errorRatePct, 2)}% (allowed ${c.errorRate.text} points)`);
  }
  if (early.rps > 0 && !meets(c.throughput, early.rps, late.rps)) {
    problems.push(`throughput drifted from ${fmt(early.rps)} to ${fmt(late.rps)} req/s (allowed ${c.throughput.text})`);
  }
  return { early, late, problems };
}
