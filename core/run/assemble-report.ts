import { REPORT_SCHEMA_VERSION, type RunReport, type SuiteResult } from '../result.ts';
import { TOOL } from '../tool.ts';
import { exitCodeFor, runVerdict } from './exit-code.ts';

export interface RunMeta {
  readonly runId: string;
  /** `gate`, `smoke`, `load run load`, ... */
  readonly command: string;
  readonly env: string;
  readonly target?: string | undefined;
  readonly profile?: string | undefined;
  /** Release runs: a warning fails. */
  readonly warningsFail?: boolean | undefined;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly processes: readonly { readonly label: string; readonly pid: number }[];
}

/** The run report (pure): one verdict over every suite, skipped ones included with their reasons, and its exit code. */
export function assembleReport(meta: RunMeta, results: readonly SuiteResult[], errors: readonly number[], signal: NodeJS.Signals | undefined): RunReport {
  const verdict = runVerdict(results, meta.warningsFail);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: meta.runId,
    tool: { ...TOOL },
    command: meta.command,
    env: meta.env,
    target: meta.target,
    profile: meta.profile,
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    durationMs: Math.max(0, meta.finishedAt.getTime() - meta.startedAt.getTime()),
    verdict,
    exitCode: exitCodeFor({ verdict, errors, signal }),
    interrupted: signal !== undefined,
    suites: [...results],
    ...(meta.processes.length > 0 ? { processes: meta.processes.map((p) => ({ label: p.label, pid: p.pid })) } : {}),
  };
}
