import { z } from 'zod';

/**
 * What one load run measured, as stored in reports/<run-id>/load/summary.json and read back by
 * `load baseline save`, and the core of the load suite's report data (load/run/data.ts). Strict, like
 * every report shape: a field added here without the writer (or the other way round) fails loudly.
 * Latencies in milliseconds; null where no request was measured.
 */
const ms = z.number().nonnegative().nullable();

export const LatencyStatsSchema = z.strictObject({ p50: ms, p95: ms, p99: ms, max: ms, mean: ms });

export const RequestStatsSchema = z.strictObject({
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  /** errors / requests (429s are not errors; they are counted in rateLimited). */
  errorRate: z.number().min(0).max(1),
  rateLimitedFraction: z.number().min(0).max(1),
  /** requests / the run's measured duration. */
  rps: z.number().nonnegative(),
  latency: LatencyStatsSchema,
});

export const EndpointSummarySchema = RequestStatsSchema.extend({ service: z.string(), endpoint: z.string() });
export const ServiceSummarySchema = RequestStatsSchema.extend({ service: z.string() });

export const SeriesPointSchema = z.strictObject({
  /** Unix seconds. */
  t: z.number().int(),
  rps: z.number().nonnegative(),
  p50: ms,
  p95: ms,
  p99: ms,
  errors: z.number().int().nonnegative(),
  rateLimited: z.number().int().nonnegative(),
  dropped: z.number().nonnegative(),
  vus: z.number().nonnegative(),
});

export const LoadSummarySchema = z.strictObject({
  scenario: z.string(),
  env: z.string(),
  startedAt: z.string(),
  durationS: z.number().nonnegative(),
  overall: RequestStatsSchema,
  services: z.array(ServiceSummarySchema),
  endpoints: z.array(EndpointSummarySchema),
  series: z.array(SeriesPointSchema),
  droppedIterations: z.number().nonnegative(),
  vusMax: z.number().nonnegative(),
  malformedLines: z.number().int().nonnegative(),
  /** `file:line: problem` of the first malformed line (a file cut short when k6 was killed, ...). */
  firstMalformed: z.string().optional(),
});

export type LatencyStats = z.infer<typeof LatencyStatsSchema>;
export type RequestStats = z.infer<typeof RequestStatsSchema>;
export type EndpointSummary = z.infer<typeof EndpointSummarySchema>;
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;
export type LoadSummary = z.infer<typeof LoadSummarySchema>;
