import { z } from 'zod';

/** A stored baseline: one scenario's per-endpoint figures from one run (`load baseline save <run>`). */
export const BaselineEndpointSchema = z.object({
  service: z.string().min(1),
  endpoint: z.string().min(1),
  requests: z.number().int().nonnegative(),
  p50: z.number().nonnegative().nullable(),
  p95: z.number().nonnegative().nullable(),
  p99: z.number().nonnegative().nullable(),
  errorRate: z.number().min(0).max(1),
  rps: z.number().nonnegative(),
});

export const BaselineSchema = z.object({
  kind: z.literal('tracseq-load-baseline'),
  version: z.literal(1),
  scenario: z.string().min(1),
  env: z.string().min(1),
  /** Where the run went (`local`, `external`); absent in baselines saved before targets were kept apart. */
  target: z.string().min(1).optional(),
  savedAt: z.string(),
  /** The run it was taken from (run id or summary path). */
  fromRun: z.string(),
  endpoints: z.array(BaselineEndpointSchema).min(1, 'a baseline needs at least one endpoint'),
});

export type Baseline = z.infer<typeof BaselineSchema>;
export type BaselineEndpoint = z.infer<typeof BaselineEndpointSchema>;
