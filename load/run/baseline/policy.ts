import { z } from 'zod';
import { combineOutcomes, type Check, type SuiteResultOf } from '../../../core/result.ts';
import { keyText, type BaselineKey } from './store.ts';

/**
 * The baseline lifecycle of a load step that compares with a baseline (pure):
 * - `auto`: with no baseline for the step's target, environment and scenario, a run that passes its
 *   absolute checks becomes the baseline ("baseline established", not a warning); later runs compare.
 * - `require`: with no baseline the regression check was not made: inconclusive (exit 3), naming the
 *   command that establishes one.
 * - `off`: no comparison.
 */
export const BaselinePolicy = z.enum(['auto', 'require', 'off']);
export type BaselinePolicy = z.infer<typeof BaselinePolicy>;

/** Checks that compare with a baseline; every other check of a load run is absolute. */
const isBaselineCheck = (check: Check) => check.id.startsWith('load/baseline');

/** True when every absolute check of the run passed (warnings pass): it may serve as a baseline. */
export function passedAbsoluteChecks(result: SuiteResultOf<'load'>): boolean {
  const absolute = result.checks.filter((c) => !isBaselineCheck(c));
  return absolute.length > 0 && absolute.every((c) => c.outcome === 'pass' || c.outcome === 'warn');
}

/** The absolute checks that did not pass, one name each (why a run was not recorded or promoted). */
export function failedAbsoluteChecks(result: SuiteResultOf<'load'>): string[] {
  return result.checks.filter((c) => !isBaselineCheck(c) && c.outcome !== 'pass' && c.outcome !== 'warn').map((c) => `${c.name} (${c.outcome})`);
}

export const promoteCommand = (runId: string): string => `tracseq-validate load baseline promote ${runId}`;

function withCheck(result: SuiteResultOf<'load'>, check: Check): SuiteResultOf<'load'> {
  return { ...result, checks: [...result.checks, check], outcome: combineOutcomes([result.outcome, check.outcome]) };
}

const BASE = { id: 'load/baseline/lifecycle', durationMs: 0 } as const;

/** `auto`, no baseline, the run passed its absolute checks and was recorded at `file`: a pass that says so. */
export function established(result: SuiteResultOf<'load'>, key: BaselineKey, file: string, runId: string): SuiteResultOf<'load'> {
  const reason = `baseline established: no baseline for ${keyText(key)} yet; this run (${runId}) passed its absolute checks and is the baseline later runs compare with (${file})`;
  return withCheck(result, { ...BASE, name: 'baseline established', outcome: 'pass', detail: { established: true, key: keyText(key), file, reason } });
}

/** `auto`, no baseline, the run failed an absolute check: nothing recorded (a failing run is no yardstick), said as a skip. */
export function notEstablished(result: SuiteResultOf<'load'>, key: BaselineKey): SuiteResultOf<'load'> {
  const reason = `no baseline for ${keyText(key)} yet, and none recorded: this run failed its absolute checks (${failedAbsoluteChecks(result).join('; ')})`;
  return withCheck(result, { ...BASE, name: 'baseline not established', outcome: 'skip', detail: { key: keyText(key), reason } });
}

/** `require`, no baseline: the regression check was not made (inconclusive), naming the command that establishes one. */
export function required(result: SuiteResultOf<'load'>, key: BaselineKey, file: string, runId: string): SuiteResultOf<'load'> {
  const how = passedAbsoluteChecks(result)
    ? `\`${promoteCommand(runId)}\` (this run passed its absolute checks)`
    : 'a run with `--baseline-policy auto`, or `tracseq-validate load baseline promote <run-id>` of a good run';
  return withCheck(result, {
    ...BASE,
    name: 'compared with the baseline',
    outcome: 'inconclusive',
    failure: { kind: 'no-data', message: `no baseline for ${keyText(key)} (${file}): the regression check was not made; establish one with ${how}` },
  });
}
