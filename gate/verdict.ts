import { classifyChecks } from '../core/failure-class.ts';
import type { SuiteName, SuiteResult } from '../core/result.ts';

/** Suites that a failed or inconclusive smoke stops: no point loading a dead system. */
export const STOPPED_BY_SMOKE: readonly SuiteName[] = ['load', 'slo'];

/** A suite that did not run, listed in the report with its reason. */
export function skippedSuite(suite: SuiteName, reason: string, at: Date): SuiteResult {
  return { suite, outcome: 'skip', startedAt: at.toISOString(), durationMs: 0, checks: [], reason };
}

function listed(services: readonly string[]): string {
  return `${services.slice(0, 5).join(', ')}${services.length > 5 ? ', ...' : ''}`;
}

/**
 * After `result`, the suites to skip and why; undefined when the gate goes on. Smoke's failed checks
 * are classified by what they say of their service: unreachable or unhealthy stops load and SLO (no
 * point loading a dead system); slow alone does not, since load and SLO are what measure slowness.
 */
export function stopAfter(result: SuiteResult): { skip: readonly SuiteName[]; reason: string } | undefined {
  if (result.suite !== 'smoke' || (result.outcome !== 'fail' && result.outcome !== 'inconclusive')) return undefined;
  const classes = classifyChecks(result.checks);
  const dead = [...(classes.unreachable.length > 0 ? [`${listed(classes.unreachable)} unreachable`] : []), ...(classes.unhealthy.length > 0 ? [`${listed(classes.unhealthy)} unhealthy`] : [])];
  if (result.outcome === 'fail' && dead.length === 0 && classes.slow.length > 0) return undefined;
  const which = dead.length > 0 ? `: ${dead.join('; ')}` : '';
  return { skip: STOPPED_BY_SMOKE, reason: `smoke ${result.outcome === 'fail' ? 'failed' : 'was inconclusive'}${which}: no point loading a dead system` };
}
