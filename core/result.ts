import { z } from 'zod';
import { ContractsData } from '../contracts/data.ts';
import { RunTrend } from '../gate/history/history-schema.ts';
import { LoadData } from '../load/run/data.ts';
import { SloData } from '../slo/data.ts';
import { SmokeData } from '../smoke/data.ts';
import { Check, Outcome } from './check.ts';
import { ExitCode, HarnessError } from './errors.ts';
import { formatIssues } from './zod-issues.ts';

export { Check, combineOutcomes, Failure, FailureKind, Outcome, suiteOutcome } from './check.ts';

/**
 * The one result model shared by all four suites and every report writer:
 * run -> suites -> checks, each with an outcome, a duration and a detail, plus each suite's typed
 * data. report.json is this schema (versioned by `schemaVersion`). The check model lives in
 * check.ts (the suites' data schemas import it from there) and is re-exported here.
 */
export const REPORT_SCHEMA_VERSION = 1;

export const SuiteName = z.enum(['smoke', 'contracts', 'load', 'slo']);
export type SuiteName = z.infer<typeof SuiteName>;

const SuiteResultBase = z.object({
  outcome: Outcome,
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  checks: z.array(Check),
  /** Why the suite was skipped or stopped early. */
  reason: z.string().optional(),
});

/**
 * Each suite's data schema, declared in its own folder. A skipped suite, or one that threw before
 * it had a result, has no data; when there is data it is exactly the suite's schema (strict).
 */
export const SUITE_DATA = { smoke: SmokeData, contracts: ContractsData, load: LoadData, slo: SloData } as const satisfies Record<SuiteName, z.ZodType>;

/** One suite's result; `data` (what the reports draw) is typed by `suite`. */
export const SuiteResult = z.discriminatedUnion('suite', [
  SuiteResultBase.extend({ suite: z.literal('smoke'), data: SUITE_DATA.smoke.optional() }),
  SuiteResultBase.extend({ suite: z.literal('contracts'), data: SUITE_DATA.contracts.optional() }),
  SuiteResultBase.extend({ suite: z.literal('load'), data: SUITE_DATA.load.optional() }),
  SuiteResultBase.extend({ suite: z.literal('slo'), data: SUITE_DATA.slo.optional() }),
]);
export type SuiteResult = z.infer<typeof SuiteResult>;
/** The result of one named suite, e.g. `SuiteResultOf<'load'>`. */
export type SuiteResultOf<S extends SuiteName> = Extract<SuiteResult, { suite: S }>;
export type SuiteData<S extends SuiteName> = z.infer<(typeof SUITE_DATA)[S]>;

/**
 * A suite's data read through its schema, strictly: what the reports and the pushed metrics use.
 * Data that does not match (a field renamed, missing or unknown) throws, naming the field; nothing
 * is dropped. Undefined when the suite has no data (skipped, or it threw before a result).
 */
export function suiteData<S extends SuiteName>(result: SuiteResultOf<S>): SuiteData<S> | undefined {
  if (result.data === undefined) return undefined;
  const parsed = SUITE_DATA[result.suite].safeParse(result.data);
  if (!parsed.success) {
    const details = formatIssues(parsed.error, `${result.suite} data`);
    throw new HarnessError(`internal error: the ${result.suite} suite's data does not match its schema: ${details[0]}`, ExitCode.internal, details.slice(1));
  }
  return parsed.data as SuiteData<S>;
}

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
  /** A gate run's key figures among the last runs of its target, env and profile (gate/history/). */
  trend: RunTrend.optional(),
});
export type RunReport = z.infer<typeof RunReport>;

/** Every result of one suite in a run (the gate may run load more than once), typed by its name. */
export function suitesOf<S extends SuiteName>(report: Pick<RunReport, 'suites'>, suite: S): SuiteResultOf<S>[] {
  return report.suites.filter((s): s is SuiteResultOf<S> => s.suite === suite);
}

/** The first result of one suite in a run, typed by its name. */
export function findSuite<S extends SuiteName>(report: Pick<RunReport, 'suites'>, suite: S): SuiteResultOf<S> | undefined {
  return suitesOf(report, suite)[0];
}

/** A run id that sorts by time: `20261124T235900Z-smoke-ab12`. */
export function newRunId(command: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const suffix = Math.random().toString(36).slice(2, 6);
  return `${stamp}-${command.replace(/[^a-z0-9]+/gi, '-')}-${suffix}`;
}
