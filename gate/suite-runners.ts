import { existsSync } from 'node:fs';
import { formatDuration } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import { combineOutcomes, type SuiteResult } from '../core/result.ts';
import type { GateRunners, RunnerSetup } from './runners.ts';

/** How long the SLO step waits for Prometheus to scrape once more after the load (local target). */
const FINAL_SCRAPE_TIMEOUT_MS = 15_000;

/**
 * The real suites, bound to the gate's options: each suite's runner is imported only when the
 * profile reaches it (a pr gate never loads k6 or Prometheus code).
 */
export async function createSuiteRunners(setup: RunnerSetup): Promise<GateRunners> {
  return {
    smoke: async (ctx) => (await import('../smoke/run.ts')).runSmoke(ctx, {}),
    contracts: async (ctx) => (await import('../contracts/run.ts')).runContracts(ctx, setup.pacts ? { pactsDir: setup.pacts, useExistingPacts: true } : {}),
    load: async (ctx, step, tolerances) => {
      const { runLoad } = await import('../load/run/run-load.ts');
      const { defaultBaselinePath } = await import('../load/run/baseline/baseline-file.ts');
      const baseline = step.baseline ? setup.baseline ?? defaultBaselinePath(ctx.resolved.env, step.scenario) : undefined;
      const missing = baseline !== undefined && !existsSync(baseline);
      const result = await runLoad(ctx, {
        scenario: step.scenario,
        endpoints: step.endpoints,
        ...(step.duration ? { duration: step.duration } : {}),
        ...(setup.remoteWriteUrl ? { prometheusRw: setup.remoteWriteUrl } : {}),
        ...(baseline && !missing ? { baseline } : {}),
        ...(tolerances ? { tolerances } : {}),
        ...(setup.loadConfig ? { config: setup.loadConfig } : {}),
      });
      return missing ? withMissingBaseline(result, baseline) : result;
    },
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
      return runSlo(ctx, { prometheus: setup.prometheusUrl, window: formatDuration(windowMs), at, ...(window.compareWith ? { compareWith: window.compareWith } : {}) });
    },
  };
}

/**
 * A profile step that compares with a baseline, but none was saved yet: the run is kept, and a
 * warning says the comparison was not made (a release, where warnings fail, fails on it).
 */
export function withMissingBaseline(result: SuiteResult, file: string): SuiteResult {
  const check = {
    id: 'load/baseline-missing',
    name: 'compared with the baseline',
    outcome: 'warn' as const,
    durationMs: 0,
    failure: { kind: 'regression' as const, message: `no baseline at ${file}: not compared; save one with \`tracseq-validate load baseline save <run-id>\`` },
  };
  return { ...result, checks: [...result.checks, check], outcome: combineOutcomes([result.outcome, 'warn']) };
}
