import { z } from 'zod';
import type { LeftOut } from '../lib/plan.ts';
import { LoadSummarySchema } from './analyzer/summary-schema.ts';

/**
 * The load suite's `data` in the run report (built by build-result.ts): the run summary
 * (analyzer/summary-schema.ts), the per-second series, thresholds, and for stress the table and
 * curve, for soak the drift, with a baseline the comparison. Strict: a field the suite adds or
 * renames must be added or renamed here, or the report fails to validate. The stress, drift and
 * baseline types the suite computes are these schemas' types, declared only here.
 */

const count = z.number().int().nonnegative();
const rate = z.number().nonnegative();

/** What makes a stress window healthy. */
export const StressCriteria = z.strictObject({
  maxErrorRate: z.number(),
  maxP95Ms: z.number(),
  /** Dropped iterations and 429s above this fraction also make a window unhealthy. */
  maxDroppedFraction: z.number(),
  /**
   * A window whose achieved rate falls short of the offered rate by this fraction or more did not
   * sustain it (k6 could not send what the schedule asked, with no iteration counted as dropped);
   * absent: not judged.
   */
  maxShortfall: z.number().optional(),
});
export type StressCriteria = z.infer<typeof StressCriteria>;

/**
 * The stress result stated like the seeds' table (breaking point, max concurrent users, error rate
 * at breaking, recovery time), with the totals it must agree with (stress/stress-table.ts).
 */
export const StressTable = z.strictObject({
  /** Highest req/s sustained for `sustainSeconds` within the criteria; null = unhealthy from the start. */
  breakingPointRps: rate.nullable(),
  broke: z.boolean(),
  /** When the break began (ISO time); null when it did not break. */
  breakAt: z.string().nullable(),
  errorRateAtBreak: rate.nullable(),
  p95AtBreakMs: rate.nullable(),
  vusAtBreak: rate.nullable(),
  breakReasons: z.array(z.string()).readonly(),
  maxConcurrentVus: rate,
  /** Highest single-second achieved req/s. */
  peakRps: rate,
  recovered: z.boolean(),
  recoveryTimeS: rate.nullable(),
  totalRequests: count,
  durationS: rate,
  averageRps: rate,
  sustainSeconds: rate,
  criteria: StressCriteria,
  /** The VUs the scenario may use (k6's maxVUs); 0 when unknown. */
  vuBudget: rate,
  /** When the break is the generator's dropped iterations: whether the VUs or the generator ran out; null otherwise. */
  limitedBy: z.string().nullable(),
});
export type StressTable = z.infer<typeof StressTable>;

/** One second of the stress curve: offered (null when unknown) vs achieved req/s, p95 (ms), error rate. */
export const CurvePoint = z.strictObject({
  /** Unix seconds. */
  t: z.number().int(),
  offeredRps: rate.nullable(),
  rps: rate,
  p95: rate.nullable(),
  errorRate: rate,
  vus: rate,
});
export type CurvePoint = z.infer<typeof CurvePoint>;

/** A third of a soak's hold phase. */
export const PhaseStat = z.strictObject({
  /** Unix seconds, [from, to). */
  from: z.number(),
  to: z.number(),
  requests: count,
  rps: rate,
  /** Percent. */
  errorRatePct: rate,
  p95: rate.nullable(),
});
export type PhaseStat = z.infer<typeof PhaseStat>;

/** Soak drift: the last third of the hold against the first (soak/drift.ts). */
export const Drift = z.strictObject({
  early: PhaseStat,
  late: PhaseStat,
  /** One line per criterion the late third breaks, naming the figures; empty = no drift. */
  problems: z.array(z.string()),
});
export type Drift = z.infer<typeof Drift>;

export const RegressionMetric = z.enum(['p95', 'throughput', 'errorRate']);
export type RegressionMetric = z.infer<typeof RegressionMetric>;

/** One endpoint's figure against the baseline (baseline/compare.ts). */
export const RegressionCheck = z.strictObject({
  service: z.string(),
  endpoint: z.string(),
  metric: RegressionMetric,
  unit: z.enum(['ms', 'req/s', '%']),
  baseline: z.number(),
  current: z.number(),
  limit: z.number(),
  criterion: z.string(),
  ok: z.boolean(),
});
export type RegressionCheck = z.infer<typeof RegressionCheck>;

export const Comparison = z.strictObject({
  checks: z.array(RegressionCheck),
  /** `service endpoint` in the baseline but not measured now. */
  missing: z.array(z.string()),
  /** `service endpoint (n requests)` not judged for lack of samples. */
  tooFew: z.array(z.string()),
});
export type Comparison = z.infer<typeof Comparison>;

/** A threshold as judged by the runner against the merged results. */
export const ThresholdRow = z.strictObject({
  key: z.string(),
  expression: z.string(),
  /** ms, fraction or count; null when nothing was measured. */
  observed: z.number().nullable(),
  verdict: z.enum(['pass', 'fail', 'unmeasured']),
  source: z.string(),
});
export type ThresholdRow = z.infer<typeof ThresholdRow>;

/** Where the run's files are (under reports/<run-id>/load/). */
export const LoadArtifacts = z.strictObject({
  dir: z.string(),
  rawResults: z.array(z.string()),
  k6Summaries: z.array(z.string()),
  summary: z.string(),
  /** The endpoints scenario's plan (lib/plan.ts), when it ran. */
  plan: z.string().optional(),
});
export type LoadArtifacts = z.infer<typeof LoadArtifacts>;

/** A stress (or spike) run's table, the same table as the seeds print it, and the per-second curve. */
export const LoadStress = z.strictObject({ table: StressTable, text: z.string(), curve: z.array(CurvePoint) });
export type LoadStress = z.infer<typeof LoadStress>;

/** A catalog endpoint the endpoints scenario did not call, and why (the plan's shape, lib/plan.ts). */
const LeftOutRow: z.ZodType<LeftOut> = z.strictObject({ service: z.string(), endpoint: z.string(), reason: z.string() });

/** The every-service endpoints scenario, when it ran (alone or beside the journeys). */
export const EndpointsScenario = z.strictObject({
  /** Every service the run sent requests to (journeys and endpoints): each judged by its own thresholds. */
  loaded: z.array(z.string()).readonly(),
  /** How many catalog endpoints the plan calls. */
  endpoints: count,
  leftOut: z.array(LeftOutRow).readonly(),
});
export type EndpointsScenario = z.infer<typeof EndpointsScenario>;

export const LoadData = z.strictObject({
  ...LoadSummarySchema.shape,
  target: z.string(),
  instances: z.number().int().positive(),
  k6: z.strictObject({ binary: z.string(), exitCodes: z.array(z.number().int().nullable()), meaning: z.string() }),
  analysisMs: rate,
  thresholds: z.array(ThresholdRow),
  stress: LoadStress.optional(),
  drift: Drift.optional(),
  baseline: z.strictObject({ file: z.string(), ...Comparison.shape }).optional(),
  endpointsScenario: EndpointsScenario.optional(),
  artifacts: LoadArtifacts,
});
export type LoadData = z.infer<typeof LoadData>;
