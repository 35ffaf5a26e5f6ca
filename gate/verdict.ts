import type { SuiteName, SuiteResult } from '../core/result.ts';

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
