import { scheduleStartS, type Analysis } from '../analyzer/analysis.ts';
import type { LoadSummary } from '../analyzer/summary-schema.ts';
import type { CurvePoint, StressCriteria, StressTable } from '../data.ts';
import { findBreakingPoint } from './breaking-point.ts';
import { measureRecovery } from './recovery.ts';
import { lastFall, rateAt, type RatePoint } from './schedule.ts';
import { stressTable } from './stress-table.ts';
import { slidingWindows } from './windows.ts';

/**
 * The stress (and spike) analysis of one run: sliding windows -> breaking point; the offered-load
 * schedule aligned on the scenarios' start -> when the load fell back -> recovery; the curve
 * (offered vs achieved per second) for the report.
 */
export interface StressResult {
  readonly table: StressTable;
  readonly curve: CurvePoint[];
}

export function analyzeStress(a: Analysis, summary: LoadSummary, schedule: readonly RatePoint[], criteria: StressCriteria, sustainSeconds: number, vuBudget = 0): StressResult {
  const windows = slidingWindows(a, sustainSeconds);
  const startS = scheduleStartS(a);
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
