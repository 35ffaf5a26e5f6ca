import { join } from 'node:path';
import { catalogPath, loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { asHarnessError, ExitCode, UsageError } from '../core/errors.ts';
import { watchInterrupts } from '../core/interrupt.ts';
import { newRunId, type RunReport, type SuiteResult } from '../core/result.ts';
import { reportsRoot, type SuiteContext } from '../core/suite.ts';
import { buildGateReport } from './build-report.ts';
import { killDescendantsOnExit } from './descendants.ts';
import type { GateOptions } from './gate-options.ts';
import type { LocalTarget } from './local-target.ts';
import { planSuites, parseSuitesOption, type PlanEntry } from './plan.ts';
import { loadProfiles, selectProfile, withLoadDuration, withLoadScenario } from './profiles.ts';
import { createProgress } from './progress.ts';
import { runSteps } from './run-steps.ts';
import type { GateRunners } from './runners.ts';
import { skippedSuite } from './verdict.ts';

export interface GateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly tty: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/** Where the suites run: URLs for the SLO suite and k6 remote write, and whether the target is the local stack. */
export interface RunnerSetup {
  readonly prometheusUrl: string | undefined;
  readonly remoteWriteUrl: string | undefined;
  readonly baseline: string | undefined;
  /** Load settings file for every load step (`--load-config`). */
  readonly loadConfig?: string | undefined;
  /** Verify the pacts in this folder instead of regenerating them (`--pacts`). */
  readonly pacts?: string | undefined;
  readonly local: boolean;
}

export interface GateDeps {
  readonly startTarget: (catalog: Parameters<typeof import('./local-target.ts').startLocalTarget>[0]) => Promise<LocalTarget>;
  readonly createRunners: (setup: RunnerSetup) => Promise<GateRunners>;
}

const defaultDeps: GateDeps = {
  startTarget: async (o) => (await import('./local-target.ts')).startLocalTarget(o),
  createRunners: async (setup) => (await import('./suite-runners.ts')).createSuiteRunners(setup),
};

export const defaultIo = (): GateIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  tty: Boolean(process.stderr.isTTY),
  env: process.env,
});

/** Suites the run never reached (the target did not start, or an interrupt came first), as skipped. */
function completeResults(plan: readonly PlanEntry[], results: readonly SuiteResult[], reason: string, at: Date): SuiteResult[] {
  const done = new Set(results.map((r) => r.suite));
  return [...results, ...plan.filter((e) => !done.has(e.suite)).map((e) => skippedSuite(e.suite, e.run ? reason : e.reason ?? reason, at))];
}

/**
 * The gate: checks the options, starts the local target when asked, runs the profile's suites in
 * order, stops the target (on success, failure and SIGINT/SIGTERM), then writes report.json,
 * junit.xml, summary.md and index.html, prints the verdict and pushes metrics when asked.
 */
export async function runGate(options: GateOptions, io: GateIo = defaultIo(), deps: GateDeps = defaultDeps): Promise<RunReport> {
  const catalog = loadCatalog(catalogPath(options.catalog, io.env));
  const profile = withLoadScenario(withLoadDuration(selectProfile(loadProfiles(), options.profile), options.loadDuration), options.loadScenario);
  const plan = planSuites(options.profile, profile, parseSuitesOption(options.suites));
  resolveCatalog(catalog, options.env, io.env);
  const prometheus = options.prometheus ?? io.env['PROMETHEUS_URL'];
  if (!options.target && !prometheus && plan.some((e) => e.suite === 'slo' && e.run)) {
    throw new UsageError(`--prometheus: the ${options.profile} profile runs the SLO suite; give the Prometheus URL (or $PROMETHEUS_URL), or use --target local`);
  }
  if (options.target === 'local' && options.faults.length > 0) {
    const { parseFaultSpec } = await import('../stack/launcher.ts');
    for (const fault of options.faults) parseFaultSpec(fault, catalog);
  }

  const interrupt = watchInterrupts();
  const removeExitHook = killDescendantsOnExit();
  const progress = createProgress({ write: io.err, tty: io.tty, now: Date.now });
  const runId = newRunId('gate');
  const root = reportsRoot(io.env);
  const started = new Date();
  let target: LocalTarget | undefined;
  let results: SuiteResult[] = [];
  const errorCodes: number[] = [];
  let stopReason = 'not reached';
  try {
    progress.note(`run ${runId}: profile ${options.profile} (${profile.description}) env ${options.env}${options.target ? ` target ${options.target}` : ''}`);
    if (options.target === 'local') {
      progress.note('target local: starting the reference stack and Prometheus');
      target = await deps.startTarget({ catalog, faults: options.faults, log: (line) => progress.note(line) });
    }
    const signal = interrupt.received();
    if (signal) {
      stopReason = `interrupted by ${signal} before it started`;
    } else {
      const env = { ...io.env, ...target?.env };
      const ctx: SuiteContext = {
        resolved: resolveCatalog(catalog, options.env, env),
        runId,
        reportDir: join(root, runId),
        signal: interrupt.signal,
        log: (line) => io.err(`${line}\n`),
        env,
        now: () => new Date(),
      };
      const warm = target ? await target.warmUp(ctx.resolved, interrupt.signal) : undefined;
      if (warm) progress.note(warm.line);
      const runners = await deps.createRunners({
        prometheusUrl: target?.prometheusUrl ?? prometheus,
        remoteWriteUrl: target?.remoteWriteUrl ?? options.prometheusRw,
        baseline: options.baseline,
        pacts: options.pacts,
        loadConfig: options.loadConfig,
        local: target !== undefined,
      });
      const outcome = await runSteps(ctx, plan, profile, runners, progress, interrupt.received, warm?.ended);
      results = outcome.results;
      errorCodes.push(...outcome.errorCodes);
    }
  } catch (err) {
    const harnessError = asHarnessError(err);
    errorCodes.push(harnessError.exitCode);
    stopReason = `${options.target === 'local' && !target ? 'target local did not start' : 'gate stopped'}: ${harnessError.message}`;
    io.err(`error: ${harnessError.message}\n${harnessError.details.map((d) => `  ${d}\n`).join('')}`);
  } finally {
    if (target) {
      progress.note('target local: stopping the stack and Prometheus');
      await target.stop();
    }
  }
  const signal = interrupt.received();
  const finished = new Date();
  let report = buildGateReport(
    { runId, env: options.env, target: options.target, profile: options.profile, warningsFail: profile.warningsFail, startedAt: started, finishedAt: finished },
    completeResults(plan, results, signal ? `interrupted by ${signal}` : stopReason, finished),
    errorCodes,
    signal,
  );
  try {
    if (options.pushMetrics) report = { ...report, exitCode: await push(report, options.pushMetrics, io) };
    await writeAndPrint(report, root, io);
  } finally {
    removeExitHook();
    interrupt.dispose();
  }
  return report;
}

async function writeAndPrint(report: RunReport, root: string, io: GateIo): Promise<void> {
  const { writeRunReports } = await import('../reports/write-run.ts');
  const { formatConsoleTable } = await import('../reports/console.ts');
  const written = await writeRunReports(report, { reportsRoot: root, env: io.env, html: true });
  io.out(`${formatConsoleTable(report)}\nreport: ${join(written.dir, 'index.html')}\n`);
}

/** Pushes the run's metrics; a failed push is named and turns a passing exit code into 3 (the gateway was unreachable). */
async function push(report: RunReport, url: string, io: GateIo): Promise<number> {
  const { pushRunMetrics } = await import('./push-metrics.ts');
  try {
    const pushed = await pushRunMetrics(report, url);
    io.err(`metrics: pushed ${pushed.series} tracseq_validation_* series to ${pushed.url}\n`);
    return report.exitCode;
  } catch (err) {
    const harnessError = asHarnessError(err);
    io.err(`error: ${harnessError.message}\n`);
    return report.exitCode === ExitCode.pass ? harnessError.exitCode : report.exitCode;
  }
}
