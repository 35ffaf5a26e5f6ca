import { z } from 'zod';

/** Zod schemas for the part of OpenSLO v1 the importer reads (SLO and SLI documents). */

const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a lower-case DNS label (a-z, 0-9, -)');

export const MetadataSchema = z.object({
  name,
  displayName: z.string().optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const MetricSourceHolder = z.object({
  metricSource: z.object({
    type: z.string().regex(/^prometheus$/i, 'only Prometheus metric sources can be evaluated'),
    metricSourceRef: z.string().optional(),
    spec: z.object({ query: z.string().min(1, 'must be a PromQL query') }),
  }),
});
export type MetricSourceHolder = z.infer<typeof MetricSourceHolder>;

export const RatioMetricSchema = z.object({
  counter: z.boolean().default(true),
  good: MetricSourceHolder.optional(),
  bad: MetricSourceHolder.optional(),
  total: MetricSourceHolder,
}).refine((r) => (r.good === undefined) !== (r.bad === undefined), { message: 'give exactly one of good and bad' });

export const SliSpecSchema = z.object({
  description: z.string().optional(),
  thresholdMetric: MetricSourceHolder.optional(),
  ratioMetric: RatioMetricSchema.optional(),
}).refine((s) => (s.thresholdMetric === undefined) !== (s.ratioMetric === undefined), { message: 'give exactly one of ratioMetric and thresholdMetric' });
export type SliSpec = z.infer<typeof SliSpecSchema>;

export const SliDocSchema = z.object({ apiVersion: z.literal('openslo/v1'), kind: z.literal('SLI'), metadata: MetadataSchema, spec: SliSpecSchema });

export const ObjectiveSchema = z.object({
  displayName: z.string().optional(),
  op: z.enum(['lte', 'lt', 'gte', 'gt']).optional(),
  value: z.number().optional(),
  target: z.number().gt(0).lt(1).optional(),
  targetPercent: z.number().gt(0).lt(100).optional(),
  timeSliceTarget: z.unknown().optional(),
  timeSliceWindow: z.unknown().optional(),
  compositeWeight: z.number().optional(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const SloDocSchema = z.object({
  apiVersion: z.literal('openslo/v1'),
  kind: z.literal('SLO'),
  metadata: MetadataSchema,
  spec: z.object({
    description: z.string().optional(),
    service: z.string().min(1),
    indicator: z.object({ metadata: MetadataSchema, spec: SliSpecSchema }).optional(),
    indicatorRef: z.string().optional(),
    timeWindow: z.array(z.object({
      duration: z.string().regex(/^\d+[mhdwMQY]$/, 'must be a duration such as 30d or 4w'),
      isRolling: z.boolean().default(true),
      calendar: z.unknown().optional(),
    })).length(1, 'give exactly one time window'),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices']).refine((m) => m === 'Occurrences', { message: 'only Occurrences is supported (Timeslices needs per-slice evaluation)' }),
    objectives: z.array(ObjectiveSchema).min(1, 'give at least one objective'),
    alertPolicies: z.unknown().optional(),
  }).refine((s) => (s.indicator === undefined) !== (s.indicatorRef === undefined), { message: 'give exactly one of indicator and indicatorRef' }),
});
export type SloDoc = z.infer<typeof SloDocSchema>;
