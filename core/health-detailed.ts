import { z } from 'zod';
import { zodAsSchema } from './zod-issues.ts';

/**
 * The detailed health format (`/health/detailed`, TracSeq's): an overall state and a map of
 * dependencies, each with its state and where the service looks for it. The harness reads it to
 * name a down dependency; the reference stack writes it. Declared once, here.
 */
export const HealthState = z.enum(['healthy', 'degraded', 'unhealthy']);

export const DependencyHealthSchema = z.object({
  status: HealthState,
  /** Where the service looks for the dependency (so a wrong address is visible). */
  target: z.string().optional(),
  latency_ms: z.number().nonnegative().optional(),
  error: z.string().optional(),
});

export const HealthDetailedSchema = z.object({
  status: HealthState,
  service: z.string().min(1),
  version: z.string().optional(),
  uptime_seconds: z.number().nonnegative().optional(),
  dependencies: z.record(z.string(), DependencyHealthSchema),
});

export type DependencyHealth = z.infer<typeof DependencyHealthSchema>;
export type HealthDetailed = z.infer<typeof HealthDetailedSchema>;

/** The format as smoke checks it. */
export const HEALTH_DETAILED = zodAsSchema('the detailed health format', HealthDetailedSchema);
