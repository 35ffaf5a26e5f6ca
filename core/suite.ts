import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedCatalog } from './catalog/resolve.ts';
import type { SuiteName, SuiteResultOf } from './result.ts';

/** Project root (where package.json lives). */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where run reports go: reports/<run-id>/ under the project, or $TRACSEQ_REPORTS_DIR. */
export function reportsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['TRACSEQ_REPORTS_DIR'] ?? join(PROJECT_ROOT, 'reports'));
}

/** Everything a suite needs from the outside world; passed in so suites stay testable. */
export interface SuiteContext {
  readonly resolved: ResolvedCatalog;
  readonly runId: string;
  /** reports/<run-id>: suites may write extra artifacts (k6 raw results, pact matrix) here. */
  readonly reportDir: string;
  /** Aborted on SIGINT/SIGTERM: suites stop their children and return what they have. */
  readonly signal: AbortSignal;
  /** Progress lines (to stderr): plain and stable when not a TTY. */
  readonly log: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
}

/** A suite: its result is that suite's (`S`), with that suite's typed data. */
export type SuiteRunner<Options, S extends SuiteName = SuiteName> = (ctx: SuiteContext, options: Options) => Promise<SuiteResultOf<S>>;

/** Builds a SuiteResult's timing fields around `work`. */
export async function timed<T>(now: () => Date, work: () => Promise<T>): Promise<{ value: T; startedAt: string; durationMs: number }> {
  const start = now();
  const value = await work();
  return { value, startedAt: start.toISOString(), durationMs: now().getTime() - start.getTime() };
}
