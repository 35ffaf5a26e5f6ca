import { formatDuration } from '../core/duration.ts';
import { eventsOf, type Events, type Slo } from './model.ts';
import { localText, periodAt } from './calendar.ts';
import { withWindow } from './queries.ts';
import { burnWindows, distinctWindows, type BurnWindow } from './windows.ts';

/** Which instant queries one SLO needs (pure). Expressions are final PromQL; the evaluator dedupes them. */

export interface EventQueries {
  readonly numerator: string;
  readonly numeratorKind: 'good' | 'bad';
  readonly total: string;
  readonly target: number;
}

export interface SloPlan {
  readonly slo: Slo;
  /** The evaluation window as a PromQL range. */
  readonly window: string;
  /** The SLO period as shown: `30d`, or a calendar period with its start. */
  readonly period: string;
  /** The SLO period as a PromQL range: rolling, or from the calendar period's start to the evaluation time. */
  readonly periodRange: string;
  readonly sli: ({ readonly kind: 'ratio' } & EventQueries) | ThresholdQueries;
  /** Error budget over the SLO period. */
  readonly budget?: EventQueries;
  readonly windows: readonly BurnWindow[];
  /** Bad-event ratio per distinct burn window. */
  readonly burn: readonly { readonly window: string; readonly ms: number; readonly query: string }[];
}

export interface ThresholdQueries {
  readonly kind: 'threshold';
  readonly query: string;
  /**
   * With a budget: the observations over the window (its total events) and the share of them the
   * bound may miss (1 - target, 0.05 for a p95), so a relative comparison can tell a quantile of a
   * handful of requests from one of many.
   */
  readonly observations?: { readonly total: string; readonly tail: number };
}

function eventQueries(events: Events, window: string): EventQueries {
  const numerator = events.bad ?? events.good!;
  return { numerator: withWindow(numerator, window), numeratorKind: events.bad ? 'bad' : 'good', total: withWindow(events.total, window), target: events.target };
}

/** Bad events / total; an absent numerator series means none of those events (`or vector(0)`). */
export function badRatioQuery(events: Events, window: string): string {
  const total = withWindow(events.total, window);
  const bad = events.bad ? `(${withWindow(events.bad, window)} or vector(0))` : `(${total} - (${withWindow(events.good!, window)} or vector(0)))`;
  return `${bad} / (${total})`;
}

/** The SLO's period as of `at`: rolling `windowDays`, or the calendar period that holds `at`, from its start. */
export function sloPeriod(slo: Slo, at: Date): { text: string; range: string } {
  if (!slo.calendar) return { text: `${slo.windowDays}d`, range: `${slo.windowDays}d` };
  const { start } = periodAt(at, slo.calendar);
  return {
    text: `${slo.calendar.duration} since ${localText(start, slo.calendar.timeZone)} ${slo.calendar.timeZone}`,
    range: formatDuration(Math.max(1, at.getTime() - start.getTime())),
  };
}

/**
 * The queries of one SLO evaluated at `at` over `window` (ms), or over its own period (`'period'`:
 * a rolling period, or a calendar period from its start).
 */
export function planSlo(slo: Slo, window: number | 'period', at: Date): SloPlan {
  const period = sloPeriod(slo, at);
  const range = window === 'period' ? period.range : formatDuration(window);
  const events = eventsOf(slo);
  const windows = burnWindows(slo.windowDays);
  return {
    slo,
    window: range,
    period: period.text,
    periodRange: period.range,
    sli: slo.sli.kind === 'ratio'
      ? { kind: 'ratio', ...eventQueries(events!, range) }
      : { kind: 'threshold', query: withWindow(slo.sli.query, range), ...(events ? { observations: { total: withWindow(events.total, range), tail: 1 - events.target } } : {}) },
    ...(events ? { budget: eventQueries(events, period.range) } : {}),
    windows,
    burn: events ? distinctWindows(windows).map((w) => ({ window: w.text, ms: w.ms, query: badRatioQuery(events, w.text) })) : [],
  };
}

/** Every distinct expression of the plans, in first-use order. */
export function planQueries(plans: readonly SloPlan[]): string[] {
  const all = new Set<string>();
  for (const p of plans) {
    if (p.sli.kind === 'ratio') all.add(p.sli.numerator).add(p.sli.total);
    else {
      all.add(p.sli.query);
      if (p.sli.observations) all.add(p.sli.observations.total);
    }
    if (p.budget) all.add(p.budget.numerator).add(p.budget.total);
    for (const b of p.burn) all.add(b.query);
  }
  return [...all];
}
