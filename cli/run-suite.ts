import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalogPath, loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import { watchInterrupts } from '../core/interrupt.ts';
import { asHarnessError } from '../core/errors.ts';
import { combineOutcomes, exitCodeFor, newRunId, REPORT_SCHEMA_VERSION, SuiteName, type RunReport, type SuiteResult } from '../core/result.ts';
import { reportsRoot, type SuiteContext } from '../core/suite.ts';
import { TOOL } from '../core/tool.ts';

export interface RunSuitesOptions {
  command: string;
  catalog?: string | undefined;
  env: string;
  services?: readonly string[] | undefined;
  target?: string | undefined;
  profile?: string | undefined;
}

/**
 * Runs suites as one CLI command: loads and resolves the catalog (config errors throw, exit 2),
 * runs `body` with a context, writes reports/<run-id>/ and sets process.exitCode from the verdict.
 */
export async function runSuitesCommand(
  options: RunSuitesOptions,
  body: (ctx: SuiteContext, results: SuiteResult[]) => Promise<void>,
): Promise<RunReport> {
  const resolved = selectServices(resolveCatalog(loadCatalog(catalogPath(options.catalog)), options.env), options.services);
  const runId = newRunId(options.command);
  const root = reportsRoot();
  const interrupt = watchInterrupts();
  const started = new Date();
  const ctx: SuiteContext = {
    resolved,
    runId,
    reportDir: join(root, runId),
    signal: interrupt.signal,
    log: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    now: () => new Date(),
  };
  const results: SuiteResult[] = [];
  let errorExit: number | undefined;
  try {
    await body(ctx, results);
  } catch (err) {
    // A suite that threw after it began writing into its run folder (k6 output, say) must not leave
    // that folder half-written: finish it with a report naming the error. Otherwise nothing was written.
    const suite = SuiteName.safeParse(options.command.split(' ')[0]);
    if (!suite.success || !existsSync(ctx.reportDir)) throw err;
    const { suiteErrorResult } = await import('../gate/suite-error.ts');
    const failed = suiteErrorResult(suite.data, err, started, new Date());
    results.push(failed.result);
    errorExit = failed.exitCode;
    const { printError } = await import('./output.ts');
    printError(asHarnessError(err));
  } finally {
    interrupt.dispose();
  }
  const signal = interrupt.received();
  const verdict = combineOutcomes(results.map((r) => r.outcome));
  const finished = new Date();
  const report: RunReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId,
    tool: { ...TOOL },
    command: options.command,
    env: options.env,
    target: options.target,
    profile: options.profile,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    verdict,
    exitCode: signal === undefined && errorExit !== undefined ? errorExit : exitCodeFor(verdict, signal !== undefined, signal),
    interrupted: signal !== undefined,
    suites: results,
  };
  const { writeRunReports } = await import('../reports/write-run.ts');
  const { formatConsoleTable } = await import('../reports/console.ts');
  const written = await writeRunReports(report, { reportsRoot: root, html: true });
  process.stdout.write(`${formatConsoleTable(report)}\nreport: ${written.dir}\n`);
  process.exitCode = report.exitCode;
  return report;
}
