import { z } from 'zod';
import { MatrixRow } from './matrix/matrix-schema.ts';

/**
 * The contracts suite's `data` in the run report. Strict: a field the suite adds or renames must be
 * added or renamed here, or the report fails to validate.
 * - from a broker: `source` (the broker URL), `providerVersion`, `timings.verifyMs`;
 * - from a pacts folder: also `consumerVersion`, `matrixFile`, the pacts read and the verification
 *   matrix rows (`timings.consumerMs` when the consumer tests regenerated the pacts);
 * - interrupted before verification: `source` and the timings so far.
 */
export const PactSummary = z.strictObject({
  file: z.string(),
  consumer: z.string(),
  provider: z.string(),
  interactions: z.number().int().nonnegative(),
  hash: z.string(),
});
export type PactSummary = z.infer<typeof PactSummary>;

export const ContractsTimings = z.strictObject({
  consumerMs: z.number().nonnegative().optional(),
  verifyMs: z.number().nonnegative().optional(),
});
export type ContractsTimings = z.infer<typeof ContractsTimings>;

export const ContractsData = z.strictObject({
  /** The pacts folder or the broker URL. */
  source: z.string(),
  consumerVersion: z.string().optional(),
  providerVersion: z.string().optional(),
  matrixFile: z.string().optional(),
  pacts: z.array(PactSummary).optional(),
  /** One row per verified pact (contracts/matrix/matrix-schema.ts). */
  matrix: z.array(MatrixRow).optional(),
  timings: ContractsTimings,
});
export type ContractsData = z.infer<typeof ContractsData>;
