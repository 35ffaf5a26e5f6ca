import { z } from 'zod';

/**
 * The smoke suite's `data` in the run report: what was checked and with which settings. Strict: a
 * field the suite adds or renames must be added or renamed here, or the report fails to validate.
 */
export const SmokeData = z.strictObject({
  env: z.string(),
  /** The catalog services checked, in plan order. */
  services: z.array(z.string()),
  timeoutMs: z.number().positive(),
  retries: z.number().int().nonnegative(),
  budgetScale: z.number().positive(),
  /** Wait mode only: how long health was polled for before checking. */
  waitMs: z.number().positive().optional(),
});
export type SmokeData = z.infer<typeof SmokeData>;
