import { z } from 'zod';
import { Outcome } from '../core/check.ts';

/**
 * The SLO suite's `data` in the run report (slo/run.ts): where and how the SLOs were evaluated, the
 * total score, and one table row per SLO (slo/checks.ts tableRow). Strict: a field the suite adds or
 * renames must be added or renamed here, or the report fails to validate. The row types the suite
 * computes are these schemas' types, declared only here.
 */

/** An SLO's own outcome; the report's row outcome maps no-data to inconclusive. */
export const SloOutcome = z.enum(['pass', 'warn', 'fail', 'no-data']);
export type SloOutcome = z.infer<typeof SloOutcome>;

/** One multi-window burn-rate alert pair (Sloth's windows) and whether it would fire. */
export const BurnPair = z.strictObject({
  severity: z.enum(['page', 'ticket']),
  longWindow: z.string(),
  shortWindow: z.string(),
  factor: z.number(),
  longRate: z.number().optional(),
  shortRate: z.number().optional(),
  firing: z.boolean(),
});
export type BurnPair = z.infer<typeof BurnPair>;

export const SloTableRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  service: z.string(),
  key: z.boolean(),
  weight: z.number(),
  /** Display text (e.g. `>= 99.9%`, `< 500 ms`). */
  objective: z.string(),
  value: z.string(),
  /** The SLI as measured, in the SLO's own unit; absent: no data. */
  rawValue: z.number().optional(),
  /** The report's outcome (no data -> inconclusive); `sloOutcome` keeps the SLO's own. */
  outcome: Outcome,
  sloOutcome: SloOutcome,
  reason: z.string(),
  window: z.string(),
  budgetPeriod: z.string().optional(),
  budgetTotal: z.number().optional(),
  budgetConsumed: z.number().optional(),
  /** Error budget remaining as a fraction of the total (negative when overspent). */
  budgetRemaining: z.number().optional(),
  burn: z.array(BurnPair).readonly(),
  notes: z.array(z.string()).readonly(),
});
export type SloTableRow = z.infer<typeof SloTableRow>;

export const SloData = z.strictObject({
  /** The Prometheus API base URL (credentials redacted). */
  prometheus: z.string(),
  /** True when Prometheus could not be reached: the rows say not evaluated. */
  unreachable: z.boolean(),
  /** How the harness authenticated (`no auth`, `bearer token`, ...), never the secret. */
  auth: z.string(),
  window: z.string(),
  /** The evaluation time (ISO). */
  at: z.string(),
  queries: z.number().int().nonnegative(),
  /** Weighted score in percent over the SLOs with data; absent when none had data. */
  score: z.number().optional(),
  thresholds: z.strictObject({ pass: z.number(), warning: z.number() }),
  compareWith: z.number().int().nonnegative(),
  historyEntries: z.number().int().nonnegative(),
  slos: z.array(SloTableRow),
});
export type SloData = z.infer<typeof SloData>;
