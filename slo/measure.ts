import { eventCounts, type EventCounts } from './budget.ts';
import type { Op } from './criteria.ts';
import type { EventQueries, SloPlan } from './plan.ts';
import type { QueryFailureKind, QueryResult, Sample } from './prom/result.ts';

/** Turns query results into readings (pure): a value, no data (with why), or a query failure. */

export type Reading =
  | { readonly kind: 'value'; readonly value: number; readonly notes: readonly string[] }
  | { readonly kind: 'no-data'; readonly reason: string }
  | { readonly kind: 'error'; readonly failure: QueryFailureKind; readonly message: string };

export type Lookup = (expr: string) => QueryResult | undefined;

const specialText = (v: number) => (Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf');

const labelText = (s: Sample) => `{${Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`;

function fromResult(result: QueryResult | undefined): Reading | { kind: 'samples'; samples: readonly Sample[] } {
  if (!result) return { kind: 'error', failure: 'unreachable', message: 'not queried: Prometheus became unreachable or the run was interrupted' };
  if (!result.ok) return { kind: 'error', failure: result.kind, message: result.message };
  return { kind: 'samples', samples: result.samples };
}

/** A count: several series are summed; no series is `undefined` (the caller decides what that means). */
function count(result: QueryResult | undefined): Reading | { kind: 'count'; value: number | undefined } {
  const r = fromResult(result);
  if (r.kind !== 'samples') return r;
  if (r.samples.length === 0) return { kind: 'count', value: undefined };
  // A count of events is a finite number: NaN, +Inf and -Inf are broken data, never a verdict.
  const broken = r.samples.find((s) => !Number.isFinite(s.value));
  if (broken) return { kind: 'no-data', reason: `the count is ${specialText(broken.value)}` };
  return { kind: 'count', value: r.samples.reduce((a, s) => a + s.value, 0) };
}

/** Event counts over one window: no total (or zero) is no data; an absent numerator is 0 events. */
export function readEvents(q: EventQueries, lookup: Lookup, window: string): { reading: Reading; counts?: EventCounts } {
  const total = count(lookup(q.total));
  if (total.kind !== 'count') return { reading: total };
  if (total.value === undefined) return { reading: { kind: 'no-data', reason: `no series for the total over ${window}` } };
  if (!(total.value > 0)) return { reading: { kind: 'no-data', reason: `no events over ${window} (total is 0)` } };
  const num = count(lookup(q.numerator));
  if (num.kind !== 'count') return { reading: num };
  const notes = num.value === undefined && q.numeratorKind === 'good' ? [`the good-events query returned no series over ${window}; counted as 0`] : [];
  const counts = eventCounts(q.numeratorKind === 'good' ? { good: num.value ?? 0 } : { bad: num.value ?? 0 }, total.value);
  return { reading: { kind: 'value', value: Math.min(1, Math.max(0, counts.good / counts.total)), notes }, counts };
}

/** A threshold value: NaN or no series is no data; several series give the worst one for `op`. */
export function readThreshold(result: QueryResult | undefined, op: Op, window: string): Reading {
  const r = fromResult(result);
  if (r.kind !== 'samples') return r;
  const worstIsMax = op === '<' || op === '<=';
  // +Inf from histogram_quantile is a real reading (beyond the last bucket) that fails `<`; an infinity
  // on the passing side (-Inf for `<`, +Inf for `>`) is no measurement and must never pass an SLO.
  const passingInfinity = worstIsMax ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const finiteOrInf = r.samples.filter((s) => !Number.isNaN(s.value) && s.value !== passingInfinity);
  if (r.samples.length === 0) return { kind: 'no-data', reason: `the query returned no series over ${window}` };
  if (finiteOrInf.length === 0) {
    const gave = r.samples.some((s) => !Number.isNaN(s.value)) ? specialText(passingInfinity) : 'NaN';
    return { kind: 'no-data', reason: `the query gave ${gave} over ${window} (no observations)` };
  }
  const worst = finiteOrInf.reduce((a, b) => ((worstIsMax ? b.value > a.value : b.value < a.value) ? b : a));
  const notes = r.samples.length > 1 ? [`${r.samples.length} series; judged on the worst, ${labelText(worst)}`] : [];
  return { kind: 'value', value: worst.value, notes };
}

export interface SloMeasurement {
  readonly plan: SloPlan;
  /** Ratio SLIs: the good fraction; threshold SLIs: the value. */
  readonly sli: Reading;
  readonly windowCounts?: EventCounts;
  /** Threshold SLIs with a budget: the observations over the window, when Prometheus gave a count. */
  readonly observations?: number;
  readonly budget?: { readonly reading: Reading; readonly counts?: EventCounts };
  /** Bad-event ratio per burn window (undefined: no data or failed). */
  readonly burn: ReadonlyMap<string, number | undefined>;
  /** Prometheus warnings attached to any of the SLO's queries. */
  readonly warnings: readonly string[];
}

export function measure(plan: SloPlan, lookup: Lookup): SloMeasurement {
  const warnings = new Set<string>();
  const traced: Lookup = (expr) => {
    const result = lookup(expr);
    for (const w of result?.warnings ?? []) warnings.add(w);
    return result;
  };
  const sliEvents = plan.sli.kind === 'ratio' ? readEvents(plan.sli, traced, plan.window) : undefined;
  const sli = plan.sli.kind === 'ratio' ? sliEvents!.reading : readThreshold(traced(plan.sli.query), plan.slo.sli.kind === 'threshold' ? plan.slo.sli.op : '<=', plan.window);
  const observed = plan.sli.kind === 'threshold' && plan.sli.observations ? count(traced(plan.sli.observations.total)) : undefined;
  const burn = new Map<string, number | undefined>();
  for (const b of plan.burn) {
    const r = count(traced(b.query));
    burn.set(b.window, r.kind === 'count' && r.value !== undefined && Number.isFinite(r.value) ? r.value : undefined);
  }
  return {
    plan,
    sli,
    ...(sliEvents?.counts ? { windowCounts: sliEvents.counts } : {}),
    ...(observed?.kind === 'count' && observed.value !== undefined ? { observations: observed.value } : {}),
    ...(plan.budget ? { budget: readEvents(plan.budget, traced, plan.period) } : {}),
    burn,
    warnings: [...warnings],
  };
}
