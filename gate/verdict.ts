import { ExitCode } from '../core/errors.ts';
import { combineOutcomes, type Outcome, type SuiteName, type SuiteResult } from '../core/result.ts';

/** Suites that a failed or inconclusive smoke stops: no point loading a dead system. */
export const STOPPED_BY_SMOKE: readonly SuiteName[] = ['load', 'slo'];

/** A suite that did not run, listed in the report with its reason. */
export function skippedSuite(suite: SuiteName, reason: string, at: Date): SuiteResult {
  return { suite, outcome: 'skip', startedAt: at.toISOString(), durationMs: 0, checks: [], reason };
}

/** After `result`, the suites to skip and why; undefined when the gate goes on. */
export function stopAfter(result: SuiteResult): { skip: readonly SuiteName[]; reason: string } | undefined {
  if (result.suite !== 'smoke' || (result.outcome !== 'fail' && result.outcome !== 'inconclusive')) return undefined;
  const bad = result.checks.filter((c) => c.outcome === 'fail' || c.outcome === 'inconclusive');
  const named = [...new Set(bad.map((c) => c.service).filter((s): s is string => Boolean(s)))];
  const which = named.length > 0 ? ` (${named.slice(0, 5).join(', ')}${named.length > 5 ? ', ...' : ''})` : '';
  return { skip: STOPPED_BY_SMOKE, reason: `smoke ${result.outcome === 'fail' ? 'failed' : 'was inconclusive'}${which}: no point loading a dead system` };
}

/** The gate verdict over every suite; skipped suites do not count, and with `warningsFail` a warning fails. */
export function gateVerdict(results: readonly SuiteResult[], warningsFail: boolean): Outcome {
  const outcomes = results.map((r) => (warningsFail && r.outcome === 'warn' ? 'fail' : r.outcome));
  return combineOutcomes(outcomes);
}

/**
 * The exit code: interrupted 130/143; a suite that could not run for a harness bug 70 or for bad
 * configuration 2 (the gate did not judge what it was asked to); then fail 1, inconclusive 3, pass 0.
 */
export function gateExitCode(verdict: Outcome, suiteErrorCodes: readonly number[], signal?: NodeJS.Signals): number {
  if (signal) return signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint;
  if (suiteErrorCodes.includes(ExitCode.internal)) return ExitCode.internal;
  if (suiteErrorCodes.includes(ExitCode.config)) return ExitCode.config;
  if (verdict === 'fail') return ExitCode.failed;
  if (verdict === 'inconclusive' || verdict === 'skip') return ExitCode.unreachable;
  return ExitCode.pass;
}
