import { scheduleStartS, type Analysis } from '../analyzer/analysis.ts';
import type { LoadSummary } from '../analyzer/summary-schema.ts';
import type { CurvePoint, StressCriteria, StressTable } from '../data.ts';
import { findBreakingPoint } from './breaking-point.ts';
import { measureRecovery } from './recovery.ts';
import { lastFall, rateAt, type RatePoint } from './schedule.ts';
import { stressTable } from './stress-table.ts';
import { slidingWindows, type WindowStat } from './windows.ts';

/**
 * The stress (and spike) analysis of one run: sliding windows -> breaking point; the offered-load
 * schedule aligned on the scenarios' start -> when the load fell back -> recovery; the curve
 * (offered vs achieved per second) for the report.
 */
export interface StressResult {
  readonly table: StressTable;
  readonly curve: CurvePoint[];
}

/**
 * Each window with the rate the schedule offered over it, taken a second earlier: a request is
 * counted when its response comes back, so the achieved rate trails the offered one while it climbs.
 */
function withOffered(windows: readonly WindowStat[], schedule: readonly RatePoint[], startS: number): WindowStat[] {
  if (schedule.length === 0) return [...windows];
  return windows.map((w) => {
    let sum = 0;
    for (let s = w.start - 1; s < w.start - 1 + w.seconds; s += 1) sum += rateAt(schedule, s + 0.5 - startS);
    return { ...w, offeredRps: sum / w.seconds };
  });
}

export function analyzeStress(a: Analysis, summary: LoadSummary, schedule: readonly RatePoint[], criteria: StressCriteria, sustainSeconds: number, vuBudget = 0): StressResult {
  const startS = scheduleStartS(a);
  const windows = withOffered(slidingWindows(a, sustainSeconds), schedule, startS);
  const fall = lastFall(schedule);
  // The breaking point is looked for while the load climbs and holds: a healthy window in the
  // low-rate recovery phase says the system recovered, not that it held a higher rate.
  const climbing = fall ? windows.filter((w) => w.start + w.seconds <= startS + fall.from + 1) : windows;
  const breaking = findBreakingPoint(climbing, criteria);
  const recovery = fall ? measureRecovery(windows, criteria, Math.ceil(startS + fall.to)) : undefined;
  const table = stressTable({
    breaking,
    recovery,
    criteria,
    sustainSeconds,
    peakRps: summary.series.reduce((m, p) => Math.max(m, p.rps), 0),
    maxConcurrentVus: summary.vusMax,
    totalRequests: summary.overall.requests,
    durationS: summary.durationS,
    vuBudget,
  });
  const curve = summary.series.map((p) => ({
    t: p.t,
    offeredRps: schedule.length ? rateAt(schedule, p.t + 0.5 - startS) : null,
    rps: p.rps,
    p95: p.p95,
    errorRate: p.rps ? p.errors / p.rps : 0,
    vus: p.vus,
  }));
  return { table, curve };
}
