import { REPORT_SCHEMA_VERSION, type RunReport, type SuiteResult } from '../core/result.ts';
import { TOOL } from '../core/tool.ts';
import { gateExitCode, gateVerdict } from './verdict.ts';

export interface GateRunMeta {
  readonly runId: string;
  readonly env: string;
  readonly target?: string | undefined;
  readonly profile: string;
  readonly warningsFail: boolean;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** The gate's run report: one verdict over every suite, skipped ones included with their reasons. */
export function buildGateReport(meta: GateRunMeta, results: readonly SuiteResult[], errorCodes: readonly number[], signal?: NodeJS.Signals): RunReport {
  const verdict = gateVerdict(results, meta.warningsFail);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: meta.runId,
    tool: { ...TOOL },
    command: 'gate',
    env: meta.env,
    target: meta.target,
    profile: meta.profile,
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    durationMs: Math.max(0, meta.finishedAt.getTime() - meta.startedAt.getTime()),
    verdict,
    exitCode: gateExitCode(verdict, errorCodes, signal),
    interrupted: signal !== undefined,
    suites: [...results],
  };
}
