import { z } from 'zod';
import { isStartTime, isTimeZone } from '../calendar.ts';

/**
 * Zod schemas for the OpenSLO v1 objects the importer reads: SLO, SLI and DataSource. Objects
 * are read leniently (unknown fields are ignored, as other OpenSLO tools do); every field the
 * importer uses is checked, and the cross-field rules are in convert.ts.
 */

const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a lower-case DNS label (a-z, 0-9, -)').max(63, 'must be at most 63 characters');

export const MetadataSchema = z.object({
  name,
  displayName: z.string().optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const MetricSourceSchema = z.object({
  metricSourceRef: z.string().optional(),
  /** Optional when metricSourceRef names a DataSource that gives it. */
  type: z.string().min(1).optional(),
  spec: z.record(z.string(), z.unknown(), { error: "required: the source's fields (for Prometheus: query)" }),
});

export const MetricHolderSchema = z.object({ metricSource: MetricSourceSchema });
export type MetricHolder = z.infer<typeof MetricHolderSchema>;

export const RatioMetricSchema = z.object({
  /** true: a monotonic counter (its increase over the window is counted); false: a gauge (its samples are summed). */
  counter: z.boolean().default(true),
  good: MetricHolderSchema.optional(),
  bad: MetricHolderSchema.optional(),
  total: MetricHolderSchema.optional(),
  raw: z.unknown().optional(),
  rawType: z.unknown().optional(),
}).superRefine((r, ctx) => {
  if (r.raw !== undefined || r.rawType !== undefined) {
    ctx.addIssue({ code: 'custom', path: [r.raw !== undefined ? 'raw' : 'rawType'], message: 'precomputed ratios (raw, rawType) are not supported: give good or bad, and total' });
    return;
  }
  if (r.total === undefined) ctx.addIssue({ code: 'custom', path: ['total'], message: 'required: the query counting all events' });
  if (r.good !== undefined && r.bad !== undefined) ctx.addIssue({ code: 'custom', path: ['bad'], message: 'give good or bad, not both' });
  if (r.good === undefined && r.bad === undefined) ctx.addIssue({ code: 'custom', path: ['good'], message: 'required: good or bad (the events counted against total)' });
});

export const SliSpecSchema = z.object({
  description: z.string().max(1050).optional(),
  thresholdMetric: MetricHolderSchema.optional(),
  ratioMetric: RatioMetricSchema.optional(),
}).superRefine((s, ctx) => {
  if (s.thresholdMetric !== undefined && s.ratioMetric !== undefined) ctx.addIssue({ code: 'custom', path: ['thresholdMetric'], message: 'give ratioMetric or thresholdMetric, not both' });
  if (s.thresholdMetric === undefined && s.ratioMetric === undefined) ctx.addIssue({ code: 'custom', path: ['ratioMetric'], message: 'required: ratioMetric or thresholdMetric' });
});
export type SliSpec = z.infer<typeof SliSpecSchema>;

const apiVersion = z.literal('openslo/v1');
export const SliObjectSchema = z.object({ apiVersion, kind: z.literal('SLI'), metadata: MetadataSchema, spec: SliSpecSchema });
export const DataSourceObjectSchema = z.object({ apiVersion, kind: z.literal('DataSource'), metadata: MetadataSchema, spec: z.object({ type: z.string().min(1) }) });

export const ObjectiveSchema = z.object({
  displayName: z.string().optional(),
  op: z.enum(['lte', 'lt', 'gte', 'gt']).optional(),
  value: z.number().optional(),
  target: z.number().gt(0).lt(1).optional(),
  targetPercent: z.number().gt(0).lt(100).optional(),
  timeSliceTarget: z.number().gt(0).max(1).optional(),
  /** Minutes (a number) or a duration shorthand. */
  timeSliceWindow: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d*[smhd]$/)], { error: 'must be minutes (a number) or a duration such as 1m, 5m or 1h' }).optional(),
  compositeWeight: z.number().positive().optional(),
  indicator: z.unknown().optional(),
  indicatorRef: z.unknown().optional(),
}).superRefine((o, ctx) => {
  if (o.target !== undefined && o.targetPercent !== undefined) ctx.addIssue({ code: 'custom', path: ['targetPercent'], message: 'give target or targetPercent, not both' });
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const TimeWindowSchema = z.object({
  duration: z.string().regex(/^[1-9]\d*[mhdwMQY]$/, 'must be a duration shorthand such as 28d, 4w or 1M'),
  isRolling: z.boolean().optional(),
  calendar: z.object({
    startTime: z.string().refine(isStartTime, 'must be a local date and time such as 2022-01-01 12:00:00'),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
  }).optional(),
});
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

const METHODS = ['Occurrences', 'Timeslices', 'RatioTimeslices'] as const;

export const SloObjectSchema = z.object({
  apiVersion,
  kind: z.literal('SLO'),
  metadata: MetadataSchema,
  spec: z.object({
    description: z.string().max(1050).optional(),
    service: z.string({ error: 'required: the service the SLO belongs to' }).min(1),
    indicator: z.object({ metadata: MetadataSchema, spec: SliSpecSchema }).optional(),
    indicatorRef: z.string().min(1).optional(),
    /** Optional: without it the catalog's sloDefaults.windowDays (rolling) applies. */
    timeWindow: z.array(TimeWindowSchema).length(1, 'give exactly one time window').optional(),
    budgetingMethod: z.enum(METHODS, {
      error: (issue) => (issue.input === undefined ? `required: ${METHODS.join(', ')}` : `"${String(issue.input)}" is not a budgeting method (${METHODS.join(', ')})`),
    }),
    objectives: z.array(ObjectiveSchema, { error: 'required: at least one objective' }).min(1, 'give at least one objective'),
    alertPolicies: z.unknown().optional(),
  }),
});
export type SloObject = z.infer<typeof SloObjectSchema>;
