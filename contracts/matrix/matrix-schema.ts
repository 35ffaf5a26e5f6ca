import { z } from 'zod';

/**
 * One verification: which pact content (hash), from which consumer version, was verified against
 * which provider version, in which environment, and whether every interaction passed.
 */
export const MatrixRow = z.strictObject({
  consumer: z.string().min(1),
  consumerVersion: z.string().min(1),
  provider: z.string().min(1),
  providerVersion: z.string().min(1),
  pactHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
  /** The pact file or broker URL that was verified. */
  pactSource: z.string().min(1),
  environment: z.string().min(1),
  success: z.boolean(),
  interactions: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  verifiedAt: z.iso.datetime(),
  runId: z.string().min(1),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

export const MatrixFile = z.strictObject({
  matrixVersion: z.literal(1),
  rows: z.array(MatrixRow),
});
export type MatrixFile = z.infer<typeof MatrixFile>;
