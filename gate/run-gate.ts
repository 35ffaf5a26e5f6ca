import { catalogPath, loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { asHarnessError, UsageError } from '../core/errors.ts';
import type { RunReport, SuiteResult } from '../core/result.ts';
import { drive, type RunScope } from '../core/run/drive.ts';
import { reportsRoot } from '../core/suite.ts';
import { targetName } from '../core/target.ts';
import type { RunIo } from '../core/run/io.ts';
import type { GateOptions } from './gate-options.ts';
import { judgeTrend, openHistory, recordRun, type Judged } from './history/record.ts';
import type { LocalTarget, LocalTargetOptions } from './local-target.ts';
import { planSuites, parseSuitesOption, type PlanEntry } from './plan.ts';
import { loadProfiles, selectProfile, withBaselinePolicy, withLoadDuration, withLoadScenario } from './profiles.ts';
import { createProgress } from './progress.ts';
import { runSteps } from './run-steps.ts';
import type { GateRunners, RunnerSetup } from './runners.ts';
import { skippedSuite } from './verdict.ts';

export interface GateDeps {
  readonly startTarget: (options: LocalTargetOptions) => Promise<LocalTarget>;
  readonly createRunners: (setup: RunnerSetup) => Promise<GateRunners>;
}

const defaultDeps: GateDeps = {
  startTarget: async (o) => (await import('./local-target.ts')).startLocalTarget(o),
  createRunners: async (setup) => (await import('./suite-runners.ts')).createSuiteRunners(setup),
};

/** Suites the run never reached (the target did not start, or an interrupt came first), as skipped. */
function completeResults(plan: readonly PlanEntry[], results: readonly SuiteResult[], reason: string, at: Date): SuiteResult[] {
  const done = new Set(results.map((r) => r.suite));
  return [...results, ...plan.filter((e) => !done.has(e.suite)).map((e) => skippedSuite(e.suite, e.run ? reason : e.reason ?? reason, at))];
}

/**
 * The gate: checks the options (a bad one throws before anything starts), then, through the run
 * driver, starts the local target when asked, runs the profile's suites in order and stops the
 * target (on success, failure and SIGINT/SIGTERM); the driver writes the reports, pushes the metrics
 * when asked and gives the exit code.
 */
export async function runGate(options: GateOptions, io: RunIo, deps: GateDeps = defaultDeps): Promise<RunReport> {
  const catalog = loadCatalog(catalogPath(options.catalog, io.env));
  const selected = selectProfile(loadProfiles(), options.profile);
  const profile = withBaselinePolicy(withLoadScenario(withLoadDuration(selected, options.loadDuration), options.loadScenario), options.baselinePolicy);
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
  // Read before anything starts: a damaged history stops the run at once, naming the file and line.
  const history = await openHistory(reportsRoot(io.env), { target: targetName(options.target), env: options.env, profile: options.profile }, profile.trend);
  const progress = createProgress({ write: io.err, tty: io.tty, now: Date.now });
  const spec = { command: 'gate', env: options.env, target: options.target, profile: options.profile, warningsFail: profile.warningsFail };
  const push = options.pushMetrics;
  let judged: Judged | undefined;
  return drive(spec, io, async (run) => {
    let target: LocalTarget | undefined;
    let results: SuiteResult[] = [];
    const errors: number[] = [];
    let stopReason = 'not reached';
    try {
      progress.note(`run ${run.runId}: profile ${options.profile} (${profile.description}) env ${options.env}${options.target ? ` target ${options.target}` : ''}`);
      if (options.target === 'local') {
        progress.note('target local: starting the reference stack (with the catalog\'s PostgreSQL and Redis) and Prometheus');
        target = await deps.startTarget({ catalog, faults: options.faults, log: (line) => progress.note(line) });
      }
      const signal = run.interrupted();
      if (signal) {
        stopReason = `interrupted by ${signal} before it started`;
      } else {
        const ctx = run.context(resolveCatalog(catalog, options.env, { ...io.env, ...target?.env }), target?.env);
        const warm = target ? await target.warmUp(ctx.resolved, run.signal) : undefined;
        if (warm) progress.note(warm.line);
        const runners = await deps.createRunners({
          prometheusUrl: target?.prometheusUrl ?? prometheus,
          remoteWriteUrl: target?.remoteWriteUrl ?? options.prometheusRw,
          baseline: options.baseline,
          pacts: options.pacts,
          loadConfig: options.loadConfig,
          local: target !== undefined,
          profile: options.profile,
        });
        const outcome = await runSteps(ctx, plan, profile, runners, progress, run.interrupted, warm?.ended);
        judged = judgeTrend(history, outcome.results);
        progress.note(`trend: ${judged.comparison.reason}${judged.comparison.rows.some((r) => !r.ok) ? `; step change: ${judged.comparison.rows.filter((r) => !r.ok).length}` : ''}`);
        results = judged.results;
        errors.push(...outcome.errorCodes);
      }
    } catch (err) {
      errors.push(run.fail(err));
      stopReason = `${options.target === 'local' && !target ? 'target local did not start' : 'gate stopped'}: ${asHarnessError(err).message}`;
    } finally {
      if (target) {
        progress.note('target local: stopping the stack (with its PostgreSQL and Redis) and Prometheus');
        await target.stop();
      }
    }
    const signal = run.interrupted();
    return { results: completeResults(plan, results, signal ? `interrupted by ${signal}` : stopReason, new Date()), errors };
  }, {
    record: async (report) => (judged ? recordRun(report, history, judged) : report),
    publish: push ? (report, run) => pushMetrics(report, push, io, run) : undefined,
  });
}

/** Pushes the run's metrics; a failed push is named and counts as an error of the run (a passing gate becomes exit 3). */
async function pushMetrics(report: RunReport, url: string, io: RunIo, run: RunScope): Promise<number[]> {
  const { pushRunMetrics } = await import('./push-metrics.ts');
  try {
    const pushed = await pushRunMetrics(report, url);
    io.err(`metrics: pushed ${pushed.series} tracseq_validation_* series to ${pushed.url}\n`);
    return [];
  } catch (err) {
    return [run.fail(err)];
  }
}
