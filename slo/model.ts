import { z } from 'zod';
import { RelativeCriterionSchema, ThresholdOpSchema } from '../core/catalog/slo-schema.ts';
import { CALENDAR_DURATION, isStartTime, isTimeZone } from './calendar.ts';

/**
 * The SLO model: every SLO the evaluator and the rule generator handle, whether it comes from the
 * catalog's defaults, a native SLO file or an OpenSLO import. PromQL templates may use
 * `{{window}}` (a Prometheus duration such as `5m`), replaced per query.
 */

const promql = z.string().min(1, 'must be a PromQL expression');
const sloId = z.string().regex(/^[a-z0-9][a-z0-9_.:/-]*$/i, 'must be letters, digits and . _ : / -');

/** Events: exactly one of good and bad, against total. */
const eventsShape = { good: promql.optional(), bad: promql.optional(), total: promql };
const oneOfGoodBad = { message: 'give exactly one of good and bad' };
const hasOneOf = (e: { good?: string | undefined; bad?: string | undefined }) => (e.good === undefined) !== (e.bad === undefined);

/** Events SLI: value = good/total, or 1 - bad/total. */
export const RatioSliSchema = z.strictObject({ kind: z.literal('ratio'), ...eventsShape }).refine(hasOneOf, oneOfGoodBad);

/** A value compared against a bound (a histogram_quantile, a gauge's max_over_time, ...). */
export const ThresholdSliSchema = z.strictObject({
  kind: z.literal('threshold'),
  query: promql,
  /** The value must be `<=` (default) or `>=` the objective. */
  op: ThresholdOpSchema.default('<='),
  unit: z.enum(['seconds', 'count', 'ratio', 'none']).default('none'),
  /**
   * Events behind the threshold, for the error budget and the burn-rate rules: e.g. for
   * "p95 < 0.5 s", requests within 0.5 s (good) against all requests, with target 0.95.
   */
  budget: z.strictObject({ ...eventsShape, target: z.number().gt(0).lt(1) }).refine(hasOneOf, oneOfGoodBad).optional(),
});

export const SliSchema = z.discriminatedUnion('kind', [RatioSliSchema, ThresholdSliSchema]);

/** A calendar-aligned SLO period (OpenSLO `timeWindow` with `calendar`): the budget counts from the period's start. */
export const CalendarSchema = z.strictObject({
  duration: z.string().regex(CALENDAR_DURATION, 'must be days, weeks, months, quarters or years, e.g. 1M, 1Q, 1w'),
  startTime: z.string().refine(isStartTime, 'must be a local date and time such as 2026-01-01 00:00:00'),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
});

export const SloSchema = z.strictObject({
  id: sloId,
  service: z.string().min(1),
  name: z.string().min(1),
  description: z.string().optional(),
  sli: SliSchema,
  /** Ratio SLI: target fraction of good events (0.999). Threshold SLI: the bound (0.5 for 500 ms). */
  objective: z.number(),
  /** Ratio SLIs show the good fraction (availability) unless `bad-ratio` (error rate). */
  display: z.enum(['good-ratio', 'bad-ratio']).default('good-ratio'),
  /** Looser bound that still passes the gate, flagged `warn` (Keptn's warning criteria). */
  warning: z.number().optional(),
  /** Relative pass criteria against the last N stored evaluations (used with --compare-with N). */
  relative: z.array(RelativeCriterionSchema).default([]),
  weight: z.number().positive().default(1),
  /** A failed key SLO fails the gate whatever the total score. */
  key: z.boolean().default(false),
  /** The SLO period for the error budget and the burn-rate windows (a calendar period's nominal length). */
  windowDays: z.number().int().positive().default(30),
  /** Calendar-aligned period: the error budget counts from the start of the period that holds the evaluation time. */
  calendar: CalendarSchema.optional(),
}).superRefine((slo, ctx) => {
  if (slo.sli.kind !== 'ratio') return;
  if (!(slo.objective > 0 && slo.objective < 1)) {
    ctx.addIssue({ code: 'custom', path: ['objective'], message: 'a ratio objective is a fraction between 0 and 1 (e.g. 0.999)' });
  }
  if (slo.warning !== undefined && !(slo.warning > 0 && slo.warning < slo.objective)) {
    ctx.addIssue({ code: 'custom', path: ['warning'], message: 'a ratio warning is a fraction below the objective' });
  }
});

export type RatioSli = z.infer<typeof RatioSliSchema>;
export type ThresholdSli = z.infer<typeof ThresholdSliSchema>;
export type Sli = z.infer<typeof SliSchema>;
export type Slo = z.infer<typeof SloSchema>;
export type SloInput = z.input<typeof SloSchema>;

/** Keptn's total-score thresholds (percent). */
export const ScoreThresholdsSchema = z.strictObject({
  pass: z.number().min(0).max(100).default(90),
  warning: z.number().min(0).max(100).default(75),
});
export type ScoreThresholds = z.infer<typeof ScoreThresholdsSchema>;

/** A native SLO file (YAML): `slos: [...]` plus optional score thresholds. */
export const SloFileSchema = z.strictObject({
  apiVersion: z.literal('tracseq.slo/v1'),
  totalScore: ScoreThresholdsSchema.prefault({}),
  slos: z.array(SloSchema).min(1, 'the file defines no SLOs'),
});
export type SloFile = z.infer<typeof SloFileSchema>;

export interface Events {
  readonly good?: string | undefined;
  readonly bad?: string | undefined;
  readonly total: string;
  /** Target fraction of good events. */
  readonly target: number;
}

/** The events behind an SLO's error budget: ratio SLIs and threshold SLIs with a budget; gauges have none. */
export function eventsOf(slo: Slo): Events | undefined {
  if (slo.sli.kind === 'ratio') return { good: slo.sli.good, bad: slo.sli.bad, total: slo.sli.total, target: slo.objective };
  return slo.sli.budget;
}
