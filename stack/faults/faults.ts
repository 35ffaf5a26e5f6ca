import { z } from 'zod';

/** Run-time fault settings of one service (PUT /__admin/faults takes a partial of this). */
export const FaultsSchema = z.strictObject({
  /** Fixed delay added to every request except /metrics and /__admin. */
  latencyMs: z.number().nonnegative(),
  /** Uniform random extra delay in [0, jitterMs). */
  jitterMs: z.number().nonnegative(),
  /** Fraction (0..1) of /api requests answered with 500. */
  errorRate: z.number().min(0).max(1),
  /** /health and /health/detailed answer 503 while everything else works. */
  healthLies: z.boolean(),
  /** Dependency URLs and the simulated DATABASE_URL point at 127.0.0.1:1. */
  badDependency: z.boolean(),
  /** A response/event field is renamed or retyped on this provider. */
  drift: z.boolean(),
  /** Latency grows by this many ms per minute since the fault was set. */
  creepMsPerMin: z.number().nonnegative(),
  /** /metrics answers 404. */
  metricsMissing: z.boolean(),
  /** Its event inbox answers 500: the bus retries, then dead-letters every message meant for it. */
  consumerFails: z.boolean(),
  /** Fraction (0..1) of its sagas whose last step (its own database write) fails, so the saga is compensated. */
  sagaFailureRate: z.number().min(0).max(1),
  /** Its database circuit breaker is stuck open: every database call is refused. */
  breakerOpen: z.boolean(),
});

export type Faults = z.infer<typeof FaultsSchema>;

export const PartialFaultsSchema = FaultsSchema.partial();

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  healthLies: false,
  badDependency: false,
  drift: false,
  creepMsPerMin: 0,
  metricsMissing: false,
  consumerFails: false,
  sagaFailureRate: 0,
  breakerOpen: false,
});

/** The address a bad-dependency fault points every dependency at (nothing listens on port 1). */
export const BAD_DEPENDENCY_HOST = '127.0.0.1:1';

export function mergeFaults(base: Faults, patch: Partial<Faults>): Faults {
  return { ...base, ...patch };
}

/** True when any fault differs from NO_FAULTS (used to keep the hot path free of fault work). */
export function hasAnyFault(faults: Faults): boolean {
  return (Object.keys(NO_FAULTS) as (keyof Faults)[]).some((key) => faults[key] !== NO_FAULTS[key]);
}
