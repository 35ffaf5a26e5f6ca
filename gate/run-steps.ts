import type { SuiteName, SuiteResult } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { PlanEntry } from './plan.ts';
import type { Profile } from './profile-schema.ts';
import type { GateProgress } from './progress.ts';
import type { GateRunners } from './runners.ts';
import { suiteErrorResult } from '../core/run/suite-error.ts';
import { sloWindow } from './slo-window.ts';
import { skippedSuite, stopAfter } from './verdict.ts';

export interface StepsOutcome {
  results: SuiteResult[];
  /** Exit codes of suites that threw (config 2, unreachable 3, internal 70). */
  errorCodes: number[];
}

interface Step {
  suite: SuiteName;
  label: string;
  run: (ctx: SuiteContext) => Promise<SuiteResult>;
}

/**
 * Runs the planned suites in order. A suite that throws becomes an inconclusive result; a failed
 * smoke skips load and SLO; once interrupted, every remaining suite is skipped as interrupted.
 * Every planned suite appears in the results, run or skipped with its reason.
 */
export async function runSteps(
  ctx: SuiteContext,
  plan: readonly PlanEntry[],
  profile: Profile,
  runners: GateRunners,
  progress: GateProgress,
  interruptedBy: () => NodeJS.Signals | undefined,
  /** Where a `run` SLO window starts (default: now, the first suite's start). */
  windowStart?: Date,
): Promise<StepsOutcome> {
  const results: SuiteResult[] = [];
  const errorCodes: number[] = [];
  const stopped = new Map<SuiteName, string>();
  const gateStart = windowStart ?? ctx.now();
  let excludedFrom: Date | undefined;

  const stepsFor = (suite: SuiteName): Step[] => {
    switch (suite) {
      case 'smoke':
        return [{ suite, label: '', run: (c) => runners.smoke(c) }];
      case 'contracts':
        return [{ suite, label: '', run: (c) => runners.contracts(c) }];
      case 'load':
        return profile.load.map((step) => ({
          suite,
          label: `${step.scenario}${step.endpoints ? '+endpoints' : ''}${step.duration ? ` ${step.duration}` : ''}${step.baseline && profile.baselinePolicy !== 'off' ? ` +baseline (${profile.baselinePolicy})` : ''}${step.slo ? '' : ' (outside the SLO window)'}`,
          run: (c) => {
            if (!step.slo) excludedFrom ??= c.now();
            return runners.load(c, step, { tolerances: profile.tolerances, baselinePolicy: profile.baselinePolicy });
          },
        }));
      case 'slo':
        return [{ suite, label: `window ${profile.slo.window}`, run: (c) => runners.slo(c, sloWindow(profile.slo, { gateStart, now: c.now(), excludedFrom })) }];
    }
  };

  for (const entry of plan) {
    const skipReason = !entry.run ? entry.reason ?? 'not planned' : stopped.get(entry.suite);
    if (skipReason !== undefined) {
      results.push(skippedSuite(entry.suite, skipReason, ctx.now()));
      if (entry.run) progress.skip(entry.suite, skipReason);
      continue;
    }
    for (const step of stepsFor(entry.suite)) {
      const signal = interruptedBy();
      if (signal) {
        results.push(skippedSuite(step.suite, `interrupted by ${signal} before it started`, ctx.now()));
        progress.skip(step.suite, `interrupted by ${signal}`);
        continue;
      }
      progress.start(step.suite, step.label);
      const started = ctx.now();
      let result: SuiteResult;
      try {
        result = await step.run(ctx);
      } catch (err) {
        const failed = suiteErrorResult(step.suite, err, started, ctx.now());
        result = failed.result;
        errorCodes.push(failed.exitCode);
      }
      results.push(result);
      progress.end(step.suite, step.label, result.outcome, result.durationMs);
      const stop = stopAfter(result);
      if (stop) for (const suite of stop.skip) stopped.set(suite, stop.reason);
    }
  }
  return { results, errorCodes };
}
