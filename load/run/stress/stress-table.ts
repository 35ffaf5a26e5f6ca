import type { StressCriteria, StressTable } from '../data.ts';
import { fellShort, type BreakingPoint } from './breaking-point.ts';
import type { Recovery } from './recovery.ts';
import type { WindowStat } from './windows.ts';

export interface TableInputs {
  readonly breaking: BreakingPoint;
  readonly recovery: Recovery | undefined;
  readonly criteria: StressCriteria;
  readonly sustainSeconds: number;
  readonly peakRps: number;
  readonly maxConcurrentVus: number;
  readonly totalRequests: number;
  readonly durationS: number;
  readonly vuBudget: number;
}

/**
 * Dropped iterations at the break mean k6 could not start an iteration on time. With every VU busy,
 * the system's latency times the offered rate exceeded the VU budget: the system's limit. With VUs
 * to spare, the generator itself fell behind (CPU shared with the system, or VUs still starting):
 * part of the limit is the machine's, and the report must say so.
 */
function limitedBy(w: WindowStat | undefined, c: StressCriteria, vuBudget: number): string | null {
  const dropped = w !== undefined && w.droppedFraction >= c.maxDroppedFraction;
  if (!w || (!dropped && !fellShort(w, c))) return null;
  if (vuBudget > 0 && w.vusMax >= vuBudget * 0.95) {
    return `all ${vuBudget} VUs were busy waiting for responses: latency x offered rate exceeded the VU budget (the system's limit; raise --vus to see the latency itself)`;
  }
  const what = dropped ? 'k6 dropped iterations' : `k6 sent ${Math.round(w.rps)} of the ${Math.round(w.offeredRps ?? 0)} req/s offered`;
  return `${what} with ${w.vusMax} of ${vuBudget || 'its'} VUs busy: the load generator fell behind (CPU shared with the system, or VUs still starting), so part of this limit is the machine's, not the system's`;
}

/**
 * The stress table (its shape: StressTable in ../data.ts). Every figure comes from the same samples,
 * and `tableInconsistencies` proves they agree (the seeds' own table does not: 125,432 requests in
 * 24 minutes is 87 req/s, not 1,234).
 */
export function stressTable(i: TableInputs): StressTable {
  const w = i.breaking.breakWindow;
  const broke = w !== undefined;
  return {
    breakingPointRps: i.breaking.sustainedRps,
    broke,
    breakAt: broke ? new Date(w.start * 1000).toISOString() : null,
    errorRateAtBreak: broke ? w.errorRate : null,
    p95AtBreakMs: broke ? w.p95 : null,
    vusAtBreak: broke ? w.vusMax : null,
    breakReasons: i.breaking.breakProblems,
    maxConcurrentVus: i.maxConcurrentVus,
    peakRps: i.peakRps,
    recovered: i.recovery?.recovered ?? false,
    recoveryTimeS: i.recovery?.seconds ?? null,
    totalRequests: i.totalRequests,
    durationS: i.durationS,
    averageRps: i.durationS > 0 ? i.totalRequests / i.durationS : 0,
    sustainSeconds: i.sustainSeconds,
    criteria: i.criteria,
    vuBudget: i.vuBudget,
    limitedBy: limitedBy(w, i.criteria, i.vuBudget),
  };
}

/** Every way the figures could contradict each other; empty when they agree. */
export function tableInconsistencies(t: StressTable): string[] {
  const out: string[] = [];
  if (t.breakingPointRps !== null && t.breakingPointRps > t.peakRps + 1e-9) out.push(`breaking point ${t.breakingPointRps} req/s exceeds the peak second ${t.peakRps} req/s`);
  if (t.averageRps > t.peakRps + 1e-9) out.push(`average ${t.averageRps.toFixed(1)} req/s exceeds the peak ${t.peakRps} req/s`);
  if (Math.abs(t.averageRps * t.durationS - t.totalRequests) > 1) out.push(`average x duration (${(t.averageRps * t.durationS).toFixed(0)}) is not the request total ${t.totalRequests}`);
  if (t.vusAtBreak !== null && t.vusAtBreak > t.maxConcurrentVus) out.push(`VUs at break ${t.vusAtBreak} exceed the maximum ${t.maxConcurrentVus}`);
  if (t.broke && t.breakReasons.length === 0) out.push('a break is reported without a failed criterion');
  if (t.recovered !== (t.recoveryTimeS !== null)) out.push('recovered and recovery time disagree');
  return out;
}

function fmtDuration(s: number): string {
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return m > 0 ? `${m}m ${rest}s` : `${rest}s`;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

function breakingPointText(t: StressTable): string {
  if (t.breakingPointRps === null) return t.broke ? 'none (unhealthy at the lowest rate)' : 'none (no sustained window of data to judge)';
  return `${int(t.breakingPointRps)} req/s${t.broke ? '' : ' (did not break up to the ceiling)'}`;
}

/** The seeds' table format, with what each figure means when it is not a number. */
export function formatStressTable(t: StressTable): string {
  const lines = [
    `Breaking Point: ${breakingPointText(t)}`,
    `Max Concurrent Users: ${int(t.maxConcurrentVus)}${t.vusAtBreak === null ? '' : ` (${int(t.vusAtBreak)} at the break)`}`,
    `Error Rate at Breaking: ${t.errorRateAtBreak === null ? 'n/a (no break)' : `${(t.errorRateAtBreak * 100).toFixed(1)}%`}${t.breakReasons.length ? ` (${t.breakReasons.join('; ')})` : ''}`,
    `Recovery Time: ${t.recoveryTimeS === null ? 'did not recover before the end of the test' : fmtDuration(t.recoveryTimeS)}`,
    `Totals: ${int(t.totalRequests)} requests in ${fmtDuration(t.durationS)} = ${int(t.averageRps)} req/s average, peak second ${int(t.peakRps)} req/s`,
    `Criteria: error rate < ${t.criteria.maxErrorRate * 100}%, p95 < ${t.criteria.maxP95Ms} ms, sustained ${t.sustainSeconds}s`,
    ...(t.limitedBy ? [`Limited by: ${t.limitedBy}`] : []),
  ];
  return lines.join('\n');
}
