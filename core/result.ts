import { z } from 'zod';

/**
 * The one result model shared by all four suites and every report writer:
 * run -> suites -> checks, each with an outcome, a duration and a detail.
 * report.json is this schema (versioned by `schemaVersion`).
 */
export const REPORT_SCHEMA_VERSION = 1;

export const SuiteName = z.enum(['smoke', 'contracts', 'load', 'slo']);
export type SuiteName = z.infer<typeof SuiteName>;

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

export const SuiteResult = z.object({
  suite: SuiteName,
  outcome: Outcome,
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  checks: z.array(Check),
  /** Why the suite was skipped or stopped early. */
  reason: z.string().optional(),
  /** Suite-specific data for the reports (load time series, stress table, SLO table, contract matrix). */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SuiteResult = z.infer<typeof SuiteResult>;

export const RunReport = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  runId: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  command: z.string(),
  env: z.string(),
  target: z.string().optional(),
  profile: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().nonnegative(),
  verdict: Outcome,
  exitCode: z.number().int(),
  interrupted: z.boolean(),
  suites: z.array(SuiteResult),
  /** Every child process the run started (each leads its own process group), so anyone can check that none outlived it. */
  processes: z.array(z.strictObject({ label: z.string(), pid: z.number().int().positive() })).optional(),
});
export type RunReport = z.infer<typeof RunReport>;

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

/** A run id that sorts by time: `20261124T235900Z-smoke-ab12`. */
export function newRunId(command: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.random().toString(36).slice(2, 6);
  return `${stamp}-${command.replace(/[^a-z0-9]+/gi, '-')}-${suffix}`;
}
