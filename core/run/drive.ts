import { join } from 'node:path';
import { onChildStarted, type StartedChild } from '../../infra/process.ts';
import type { ResolvedCatalog } from '../catalog/resolve.ts';
import { asHarnessError, InterruptedError } from '../errors.ts';
import { newRunId, type RunReport, type SuiteResult } from '../result.ts';
import { reportsRoot, type SuiteContext } from '../suite.ts';
import { assembleReport } from './assemble-report.ts';
import { exitCodeFor } from './exit-code.ts';
import { watchInterrupts } from './interrupts.ts';
import type { RunIo } from './io.ts';
import { printError } from './print-error.ts';

/**
 * The one run driver, shared by `gate` and every single-suite command. It owns the run's signal
 * handling, the suite context, report assembly, the exit code and the error printer; the body only
 * runs suites. A body that throws leaves no report (it failed before measuring anything); the error
 * goes back to the CLI entry, which prints it and exits with its code.
 */
export interface RunSpec {
  /** `gate`, `smoke`, `load run load`, ... (names the run id and the report). */
  readonly command: string;
  readonly env: string;
  readonly target?: string | undefined;
  readonly profile?: string | undefined;
  /** Release runs: a warning fails. */
  readonly warningsFail?: boolean | undefined;
}

export interface RunScope {
  readonly runId: string;
  /** reports/<run-id>: suites may write extra artifacts there. */
  readonly reportDir: string;
  readonly signal: AbortSignal;
  /** The first SIGINT/SIGTERM, once received. */
  interrupted(): NodeJS.Signals | undefined;
  /** A suite context over `resolved`; `env` adds to the process environment (a local target's URLs). */
  context(resolved: ResolvedCatalog, env?: Readonly<Record<string, string>>): SuiteContext;
  /** Prints an error the run met (and goes on from); returns its exit code for the run's exit code. */
  fail(err: unknown): number;
}

export interface RunBody {
  readonly results: readonly SuiteResult[];
  /** Exit codes of the errors met (a suite that threw). */
  readonly errors: readonly number[];
}

export interface DriveOptions {
  /** After the report is assembled: records the run (the gate's history) and returns the report to write. */
  readonly record?: ((report: RunReport, scope: RunScope) => Promise<RunReport>) | undefined;
  /** After the report is assembled and before it is written (push metrics); returns the exit codes of its errors. */
  readonly publish?: ((report: RunReport, scope: RunScope) => Promise<readonly number[]>) | undefined;
}

export async function drive(spec: RunSpec, io: RunIo, body: (scope: RunScope) => Promise<RunBody>, options: DriveOptions = {}): Promise<RunReport> {
  const interrupts = watchInterrupts(io.exitNow);
  const processes: StartedChild[] = [];
  const stopListening = onChildStarted((child) => processes.push(child));
  const root = reportsRoot(io.env);
  const runId = newRunId(spec.command);
  const startedAt = new Date();
  const scope: RunScope = {
    runId,
    reportDir: join(root, runId),
    signal: interrupts.signal,
    interrupted: interrupts.received,
    context: (resolved, env = {}) => ({
      resolved,
      runId,
      reportDir: join(root, runId),
      signal: interrupts.signal,
      log: (line) => io.err(`${line}\n`),
      env: { ...io.env, ...env },
      now: () => new Date(),
    }),
    fail: (err) => printError(err, io.err, { env: io.env }),
  };
  try {
    let outcome: RunBody;
    try {
      outcome = await body(scope);
    } catch (err) {
      const signal = interrupts.received();
      throw signal ? new InterruptedError(signal, [asHarnessError(err).message]) : err;
    }
    const meta = { ...spec, runId, startedAt, finishedAt: new Date(), processes };
    const signal = interrupts.received();
    let report = assembleReport(meta, outcome.results, outcome.errors, signal);
    const more: number[] = [];
    if (options.record) {
      try {
        report = await options.record(report, scope);
      } catch (err) {
        more.push(scope.fail(err));
      }
    }
    if (options.publish) more.push(...(await options.publish(report, scope)));
    if (more.length > 0) report = { ...report, exitCode: exitCodeFor({ verdict: report.verdict, errors: [...outcome.errors, ...more], signal }) };
    await writeAndPrint(report, root, io);
    return report;
  } finally {
    stopListening();
    interrupts.dispose();
  }
}

async function writeAndPrint(report: RunReport, root: string, io: RunIo): Promise<void> {
  const { writeRunReports } = await import('../../reports/write-run.ts');
  const { formatConsoleTable } = await import('../../reports/console.ts');
  const written = await writeRunReports(report, { reportsRoot: root, env: io.env, html: true });
  io.out(`${formatConsoleTable(report)}\nreport: ${join(written.dir, 'index.html')}\n`);
}
