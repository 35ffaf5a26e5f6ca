import type { FailureKind } from '../core/result.ts';
import { burnRate, errorBudget, pairFires, type ErrorBudget } from './budget.ts';
import { baselineOf, checkRelative, compare, parseRelative, type RelativeCheck } from './criteria.ts';
import { formatValue, objectiveText, shownValue } from './format.ts';
import type { SloMeasurement } from './measure.ts';
import type { Slo } from './model.ts';
import type { BurnPair, SloOutcome } from './data.ts';

/** One SLO's verdict (pure): pass / warn / fail / no-data, with budget, burn rates and relative checks. */

export interface SloEvaluation {
  readonly slo: Slo;
  readonly window: string;
  readonly outcome: SloOutcome;
  /** One line: why. */
  readonly reason: string;
  readonly failureKind?: FailureKind;
  /** The SLI as shown (availability, error rate, seconds, count). */
  readonly value?: number;
  readonly valueText: string;
  readonly objectiveText: string;
  readonly budget?: ErrorBudget & { readonly period: string };
  readonly burn: readonly BurnPair[];
  readonly relative: readonly RelativeCheck[];
  readonly notes: readonly string[];
}

/** What the history offers for relative criteria: undefined when no comparison was asked for. */
export interface Comparison {
  readonly requested: number;
  /** Stored evaluations found for this env and window (0: this is the first evaluation). */
  readonly stored: number;
  /** This SLO's values among them that may serve as a baseline (pass or warn). */
  readonly values: readonly number[];
  /**
   * A latency (seconds) that differs from the baseline by less than this is noise: its relative
   * criteria are met whatever the percentage (a service that saw a handful of requests moves by
   * whole histogram buckets from one run to the next). 0 or absent: no floor.
   */
  readonly noiseSeconds?: number;
}

const failureKindOf = (failure: string): FailureKind =>
  failure === 'interrupted' ? 'interrupted' : failure === 'unreachable' ? 'connection-refused' : failure === 'timeout' ? 'timeout' : failure === 'tls' ? 'tls' : 'query-error';

export function judge(m: SloMeasurement, comparison: Comparison | undefined): SloEvaluation {
  const { slo } = m.plan;
  const notes: string[] = [...m.warnings.map((w) => `Prometheus warning: ${w}`)];
  const budget = m.budget?.counts && m.plan.budget ? errorBudget(m.budget.counts, m.plan.budget.target) : undefined;
  if (m.budget?.reading.kind === 'value') notes.push(...m.budget.reading.notes);
  else if (m.budget) notes.push(`error budget over ${m.plan.period}: ${m.budget.reading.kind === 'error' ? m.budget.reading.message : m.budget.reading.reason}`);
  const target = m.plan.budget?.target;
  const burn: BurnPair[] = m.plan.windows.map((w) => {
    const longBad = m.burn.get(w.longWindow);
    const shortBad = m.burn.get(w.shortWindow);
    const longRate = longBad !== undefined && target !== undefined ? burnRate(longBad, target) : undefined;
    const shortRate = shortBad !== undefined && target !== undefined ? burnRate(shortBad, target) : undefined;
    return {
      severity: w.severity, longWindow: w.longWindow, shortWindow: w.shortWindow, factor: w.factor,
      ...(longRate !== undefined ? { longRate } : {}), ...(shortRate !== undefined ? { shortRate } : {}),
      firing: pairFires(longRate, shortRate, w.factor),
    };
  });
  const common = { slo, window: m.plan.window, objectiveText: objectiveText(slo), burn, ...(budget ? { budget: { ...budget, period: m.plan.period } } : {}) };
  if (m.sli.kind !== 'value') {
    const noData = m.sli.kind === 'no-data';
    return {
      ...common, outcome: 'no-data', valueText: noData ? 'no data' : 'query failed', relative: [], notes,
      reason: noData ? `no data: ${m.sli.reason}` : `query failed: ${m.sli.message}`,
      failureKind: noData ? 'no-data' : failureKindOf(m.sli.failure),
    };
  }
  notes.push(...m.sli.notes);
  const value = shownValue(slo, m.sli.value);
  const valueText = formatValue(slo, value);
  const meets = (bound: number) => (slo.sli.kind === 'ratio' ? m.sli.kind === 'value' && m.sli.value >= bound : compare(value, slo.sli.op, bound));
  const absolute = meets(slo.objective);
  const { checks: relative, notCompared } = relativeChecks(m, value, comparison, notes);
  const relativeMet = relative.every((r) => r.met);
  if (absolute && relativeMet) {
    // Keptn: with nothing to compare with, a relative criterion is met; the report says it was not compared.
    const also = notCompared ? `; ${slo.relative.join(', ')} not compared (${notCompared})` : '';
    return { ...common, value, valueText, relative, notes, outcome: 'pass', reason: `${valueText} meets ${common.objectiveText}${also}` };
  }
  const why = !absolute ? `${valueText} misses ${common.objectiveText}` : relative.filter((r) => !r.met).map((r) => `${valueText} misses ${r.criterion} of baseline ${formatValue(slo, r.baseline)} (bound ${formatValue(slo, r.bound)})`).join('; ');
  if (slo.warning !== undefined && meets(slo.warning)) {
    return { ...common, value, valueText, relative, notes, outcome: 'warn', reason: `${why}; within the warning bound ${formatValue(slo, shownValue(slo, slo.warning))}` };
  }
  return { ...common, value, valueText, relative, notes, outcome: 'fail', reason: why, failureKind: absolute ? 'regression' : 'slo-breach' };
}

/** Observations above a quantile that make it stable enough to compare from one run to the next. */
export const MIN_TAIL_OBSERVATIONS = 5;

/**
 * Why a threshold SLI's value is too thin to compare with a baseline, or undefined. A p95 over 40
 * requests is decided by the two slowest of them, and one scheduling hiccup moves it by whole
 * histogram buckets: a change against the baseline means something only with at least
 * MIN_TAIL_OBSERVATIONS observations beyond the quantile (100 for a p95, 500 for a p99). With no
 * count from Prometheus the comparison is made as before.
 */
function tooFewObservations(m: SloMeasurement): string | undefined {
  const tail = m.plan.sli.kind === 'threshold' ? m.plan.sli.observations?.tail : undefined;
  if (tail === undefined || !(tail > 0) || m.observations === undefined) return undefined;
  const needed = Math.ceil(MIN_TAIL_OBSERVATIONS / tail - 1e-9);
  if (m.observations >= needed) return undefined;
  return `${Math.round(m.observations)} observation(s) over ${m.plan.window}, fewer than the ${needed} a stable comparison needs`;
}

/**
 * Relative criteria against the stored values (their mean). With no value to compare with (the
 * first evaluation, or no stored evaluation with a passing value for this SLO) they are neutral:
 * not compared, said so, and the SLO is judged on its absolute objective alone. With fewer stored
 * evaluations than asked for, the comparison uses those there are and says so.
 */
function relativeChecks(m: SloMeasurement, value: number, comparison: Comparison | undefined, notes: string[]): { checks: RelativeCheck[]; notCompared?: string } {
  const { slo } = m.plan;
  if (!comparison || slo.relative.length === 0) return { checks: [] };
  const baseline = baselineOf(comparison.values);
  const why = baseline === undefined
    ? comparison.stored === 0 ? 'first evaluation' : `none of the ${comparison.stored} stored evaluation(s) has a passing value for this SLO`
    : tooFewObservations(m);
  if (baseline === undefined || why !== undefined) {
    notes.push(`${slo.relative.join(', ')} not compared (${why})`);
    return { checks: [], notCompared: why! };
  }
  const used = comparison.values.length;
  if (used < comparison.requested) {
    const left = comparison.stored - used;
    notes.push(`compared with ${used} stored evaluation(s), fewer than the ${comparison.requested} asked for${left > 0 ? ` (${left} without a passing value for this SLO left out)` : ''}`);
  }
  const noise = slo.sli.kind === 'threshold' && slo.sli.unit === 'seconds' ? comparison.noiseSeconds ?? 0 : 0;
  const checks = slo.relative.map((text) => checkRelative(value, parseRelative(text), baseline));
  if (noise > 0 && checks.some((c) => !c.met) && Math.abs(value - baseline) < noise) {
    notes.push(`${slo.relative.join(', ')}: ${formatValue(slo, value)} against baseline ${formatValue(slo, baseline)} is within the noise floor of ${formatValue(slo, noise)}: met`);
    return { checks: checks.map((c) => ({ ...c, met: true })) };
  }
  return { checks };
}
