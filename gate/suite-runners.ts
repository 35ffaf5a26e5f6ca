import { formatDuration } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import type { SuiteResultOf } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import { targetName } from '../core/target.ts';
import type { RunLoadOptions } from '../load/run/run-load.ts';
import type { LoadStep } from './profile-schema.ts';
import type { GateRunners, LoadStepPolicy, RunnerSetup } from './runners.ts';

/** How long the SLO step waits for Prometheus to scrape once more after the load (local target). */
const FINAL_SCRAPE_TIMEOUT_MS = 15_000;

/** The name under which a window derived from the run is stored and compared. */
const runHistoryWindow = (profile: string) => `run:${profile}`;

/**
 * The real suites, bound to the gate's options: each suite's runner is imported only when the
 * profile reaches it (a pr gate never loads k6 or Prometheus code).
 */
export async function createSuiteRunners(setup: RunnerSetup): Promise<GateRunners> {
  return {
    smoke: async (ctx) => (await import('../smoke/run.ts')).runSmoke(ctx, {}),
    contracts: async (ctx) => (await import('../contracts/run.ts')).runContracts(ctx, setup.pacts ? { pactsDir: setup.pacts, useExistingPacts: true } : {}),
    load: (ctx, step, policy) => runLoadStep(ctx, step, policy, setup),
    slo: async (ctx, window) => {
      if (!setup.prometheusUrl) throw new UsageError('--prometheus: the SLO suite needs a Prometheus URL');
      let { windowMs, at } = window;
      if (setup.local) {
        // Readiness, not a sleep: wait until Prometheus has scraped every service after the window's end.
        const { waitForScrape } = await import('../infra/prometheus.ts');
        await waitForScrape(setup.prometheusUrl, { since: at, timeoutMs: FINAL_SCRAPE_TIMEOUT_MS });
        if (window.endsNow) {
          // The window ends with the run: move its end past that last scrape so the run's final counts are in.
          const now = ctx.now();
          windowMs += Math.ceil((now.getTime() - at.getTime()) / 1000) * 1000;
          at = now;
        }
      }
      const { runSlo } = await import('../slo/run.ts');
      return runSlo(ctx, {
        prometheus: setup.prometheusUrl, window: formatDuration(windowMs), at,
        ...(window.fromRun && setup.profile ? { historyWindow: runHistoryWindow(setup.profile) } : {}),
        ...(window.compareWith ? { compareWith: window.compareWith, relativeNoiseMs: window.relativeNoiseMs } : {}),
      });
    },
  };
}

type LoadRunner = (ctx: SuiteContext, options: RunLoadOptions) => Promise<SuiteResultOf<'load'>>;

/**
 * One load step. A step that compares with a baseline finds it by target, environment and scenario
 * (or `--baseline FILE`); with none, the policy decides (load/run/baseline/policy.ts): `auto`
 * records a run that passed its absolute checks, `require` makes the step inconclusive.
 */
export async function runLoadStep(ctx: SuiteContext, step: LoadStep, policy: LoadStepPolicy, setup: RunnerSetup, load?: LoadRunner): Promise<SuiteResultOf<'load'>> {
  const runLoad = load ?? (await import('../load/run/run-load.ts')).runLoad;
  const store = await import('../load/run/baseline/store.ts');
  const lifecycle = await import('../load/run/baseline/policy.ts');
  const compares = step.baseline && policy.baselinePolicy !== 'off';
  const key = { target: targetName(setup.local ? 'local' : undefined), env: ctx.resolved.env, scenario: step.scenario };
  const file = compares ? setup.baseline ?? store.baselinePath(store.baselinesDir(ctx.env), key) : undefined;
  const exists = file !== undefined && (await store.baselineExists(file));
  const result = await runLoad(ctx, {
    scenario: step.scenario,
    endpoints: step.endpoints,
    ...(step.duration ? { duration: step.duration } : {}),
    ...(setup.remoteWriteUrl ? { prometheusRw: setup.remoteWriteUrl } : {}),
    ...(exists ? { baseline: file } : {}),
    ...(policy.tolerances ? { tolerances: policy.tolerances } : {}),
    ...(setup.loadConfig ? { config: setup.loadConfig } : {}),
  });
  if (file === undefined || exists) return result;
  if (policy.baselinePolicy === 'require') return lifecycle.required(result, key, file, ctx.runId);
  if (!lifecycle.passedAbsoluteChecks(result) || !result.data) return lifecycle.notEstablished(result, key);
  const { baselineFromSummary, writeBaseline } = await import('../load/run/baseline/baseline-file.ts');
  await writeBaseline(file, baselineFromSummary(result.data, ctx.runId, ctx.now(), key.target));
  ctx.log(`load: baseline established for ${store.keyText(key)} from run ${ctx.runId}: ${file}`);
  return lifecycle.established(result, key, file, ctx.runId);
}
