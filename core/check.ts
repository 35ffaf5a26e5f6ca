import { z } from 'zod';

/**
 * The check model every suite shares: outcomes, failures and checks. Suite data schemas
 * (smoke/data.ts, contracts/data.ts, load/run/data.ts, slo/data.ts) import it from here, since
 * core/result.ts imports them; everything else imports it through core/result.ts.
 */

/** pass; warn (passes the gate, flagged); fail (gate fails); inconclusive (no data/unreachable: exit 3); skip (not run, with a reason). */
export const Outcome = z.enum(['pass', 'warn', 'fail', 'inconclusive', 'skip']);
export type Outcome = z.infer<typeof Outcome>;

/** Why a check failed. The first nine are smoke's (transport and response) classification; the rest are other suites'. */
export const FailureKind = z.enum([
  'connection-refused',
  /** The connection was reset or closed before a complete response (ECONNRESET, socket closed). */
  'connection-reset',
  'dns',
  'timeout',
  'tls',
  'http-status',
  'schema',
  'slow',
  'dependency-down',
  'metrics-missing',
  'contract-mismatch',
  'coverage',
  'threshold',
  'regression',
  'slo-breach',
  'no-data',
  'query-error',
  'config',
  'tool-missing',
  'interrupted',
  'internal',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export const Failure = z.object({
  kind: FailureKind,
  /** One line: what failed and why. */
  message: z.string(),
  url: z.string().optional(),
  /** Field path for schema mismatches, e.g. `data[0].status`. */
  field: z.string().optional(),
  /** A diff or other multi-line evidence (contract mismatches). */
  diff: z.string().optional(),
});
export type Failure = z.infer<typeof Failure>;

export const Check = z.object({
  id: z.string(),
  name: z.string(),
  /** The catalog service (or consumer->provider pair) the check is about. */
  service: z.string().optional(),
  outcome: Outcome,
  durationMs: z.number().nonnegative(),
  failure: Failure.optional(),
  /** Suite-specific measurements (latency, SLI value, budget, ...). */
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type Check = z.infer<typeof Check>;

/**
 * Combines outcomes: any fail -> fail; else any inconclusive -> inconclusive; else any warn -> warn;
 * all skipped or nothing at all -> inconclusive (nothing was measured, so nothing passed).
 */
export function combineOutcomes(outcomes: readonly Outcome[]): Outcome {
  if (outcomes.includes('fail')) return 'fail';
  if (outcomes.includes('inconclusive')) return 'inconclusive';
  const ran = outcomes.filter((o) => o !== 'skip');
  if (ran.length === 0) return 'inconclusive';
  return ran.includes('warn') ? 'warn' : 'pass';
}

export function suiteOutcome(checks: readonly Check[]): Outcome {
  return combineOutcomes(checks.map((c) => c.outcome));
}
