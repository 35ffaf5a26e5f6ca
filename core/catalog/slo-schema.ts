import { z } from 'zod';

/**
 * The SLO parts of the catalog: metric conventions (`metrics`), the seeds' shorthands
 * (`sloDefaults`, `services[].slos`) and generic objectives (`services[].slos.objectives`).
 * Defaults live here and nowhere else. slo/catalog-slos.ts expands all of it into the SLO model.
 */

const promLabel = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name (letters, digits, _)');
const metricName = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a Prometheus metric name');
const fraction = z.number().gt(0).lt(1);

/** Label names for the four roles the SLO templates refer to (`{{labels.<role>}}`). */
export const LABEL_ROLES = ['service', 'status', 'route', 'method'] as const;

export const MetricConventionsSchema = z.strictObject({
  labels: z.strictObject({
    service: promLabel.default('service'),
    status: promLabel.default('status'),
    route: promLabel.default('route'),
    method: promLabel.default('method'),
  }).prefault({}),
  /** Requests the SLOs do not judge (a regex on the route label); "" judges every route. */
  excludeRoutes: z.string().default('/metrics|/health.*|/__admin.*'),
  /** Request counter (labels: service, status, route). */
  requests: metricName.default('http_requests_total'),
  /** Request duration histogram in seconds (`_bucket`, `_count`). */
  duration: metricName.default('http_request_duration_seconds'),
});
export type MetricConventions = z.infer<typeof MetricConventionsSchema>;

export const PLACEHOLDERS = ['window', 'service', 'selector', ...LABEL_ROLES.map((r) => `labels.${r}`)] as const;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WINDOW = /\{\{\s*window\s*\}\}/;

/** A PromQL template: known placeholders only; event counts must be taken over `{{window}}`. */
function template(kind: 'events' | 'value') {
  return z.string().min(1, 'must be a PromQL expression').superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name!)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${name}}} (known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')})` });
      }
    }
    if (kind === 'events' && !WINDOW.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must use {{window}}: events are counted over the evaluation window, e.g. sum(increase(x[{{window}}]))' });
    }
  });
}

const events = { good: template('events').optional(), bad: template('events').optional(), total: template('events') };
function oneOfGoodBad(e: { good?: string | undefined; bad?: string | undefined }, ctx: z.RefinementCtx): void {
  if (e.good !== undefined && e.bad !== undefined) ctx.addIssue({ code: 'custom', path: ['bad'], message: 'give good or bad, not both' });
  if (e.good === undefined && e.bad === undefined) ctx.addIssue({ code: 'custom', path: ['good'], message: 'give good or bad (the events counted against total)' });
}

export const ThresholdOpSchema = z.enum(['<', '<=', '>', '>=']);

/** Keptn-style relative criterion against history, e.g. `<=+10%` or `>=-5%`. */
export const RelativeCriterionSchema = z.string().regex(/^(<=|<|>=|>)[+-]\d+(\.\d+)?%$/, 'must look like <=+10% or >=-5%');

export const RatioObjectiveSchema = z.strictObject({
  ...events,
  /** Target fraction of good events (0.999). */
  target: fraction,
  /** A looser target that still passes, flagged warn. */
  warning: fraction.optional(),
  /** Show the good fraction (availability) or the bad one (error rate). */
  display: z.enum(['good-ratio', 'bad-ratio']).default('good-ratio'),
}).superRefine(oneOfGoodBad).superRefine((r, ctx) => {
  if (r.warning !== undefined && !(r.warning < r.target)) ctx.addIssue({ code: 'custom', path: ['warning'], message: 'a warning target is below the target' });
});

export const ThresholdObjectiveSchema = z.strictObject({
  query: template('value'),
  op: ThresholdOpSchema,
  value: z.number(),
  unit: z.enum(['seconds', 'count', 'ratio', 'none']).default('none'),
  warning: z.number().optional(),
  /** Events behind the threshold for the error budget and burn-rate rules (e.g. requests under the bound). */
  budget: z.strictObject({ ...events, target: fraction }).superRefine(oneOfGoodBad).optional(),
});

export const ObjectiveSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be lower-case letters, digits and . _ -'),
  description: z.string().optional(),
  ratio: RatioObjectiveSchema.optional(),
  threshold: ThresholdObjectiveSchema.optional(),
  key: z.boolean().default(false),
  weight: z.number().positive().default(1),
  /** The SLO period (error budget, burn-rate windows); default the service's windowDays. */
  window: z.string().regex(/^\d+[dw]$/, 'must be whole days or weeks, e.g. 30d or 4w').optional(),
  /** Relative criteria against stored evaluations (`--compare-with N`). */
  relative: z.array(RelativeCriterionSchema).default([]),
}).superRefine((o, ctx) => {
  if ((o.ratio === undefined) === (o.threshold === undefined)) {
    ctx.addIssue({ code: 'custom', path: o.ratio ? ['threshold'] : ['ratio'], message: o.ratio ? 'give ratio or threshold, not both' : 'give ratio (events) or threshold (a value and a bound)' });
  }
});
export type CatalogObjective = z.infer<typeof ObjectiveSchema>;
export type CatalogObjectiveInput = z.input<typeof ObjectiveSchema>;

/** Shorthands that left the schema (TracSeq knowledge): a clear error instead of "unrecognized key". */
/** The objectives the shorthands expand into (slo/shorthands.ts), one each per http service. */
export const SHORTHAND_OBJECTIVES = ['availability', 'error-rate', 'latency-p95', 'latency-p99'] as const;

const moved = z.undefined({ error: 'no longer a shorthand: write it as a threshold under slos.objectives (catalog/tracseq.yaml shows how)' }).optional();

/** The seeds' table as shorthands: each expands into objectives (slo/catalog-slos.ts). */
const shorthands = {
  /**
   * false: the shorthands expand into no objective (the service's metrics are not the catalog's request
   * counter and duration histogram: an exporter, a proxy); its SLOs are its own objectives. Their values
   * still set the service's k6 thresholds when it is loaded.
   */
  shorthands: z.boolean(),
  availability: fraction,
  latencyP95Ms: z.number().positive(),
  latencyP99Ms: z.number().positive(),
  errorRate: fraction,
  windowDays: z.number().int().positive(),
};

export const SloDefaultsSchema = z.strictObject({
  shorthands: shorthands.shorthands.default(true),
  availability: shorthands.availability.default(0.999),
  latencyP95Ms: shorthands.latencyP95Ms.default(500),
  latencyP99Ms: shorthands.latencyP99Ms.default(1000),
  errorRate: shorthands.errorRate.default(0.01),
  windowDays: shorthands.windowDays.default(30),
  sampleProcessingP95Seconds: moved,
  queueDepthMax: moved,
});
export type SloDefaults = z.infer<typeof SloDefaultsSchema>;

export const SloSpecSchema = z.strictObject({
  shorthands: shorthands.shorthands.optional(),
  availability: shorthands.availability.optional(),
  latencyP95Ms: shorthands.latencyP95Ms.optional(),
  latencyP99Ms: shorthands.latencyP99Ms.optional(),
  errorRate: shorthands.errorRate.optional(),
  windowDays: shorthands.windowDays.optional(),
  sampleProcessingP95Seconds: moved,
  queueDepthMax: moved,
  objectives: z.array(ObjectiveSchema).default([]),
});
export type SloSpec = z.infer<typeof SloSpecSchema>;
