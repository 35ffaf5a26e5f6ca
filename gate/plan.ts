import { UsageError } from '../core/errors.ts';
import { SuiteName } from '../core/result.ts';
import type { Profile } from './profile-schema.ts';

/** The gate's order: there is no point loading a system that smoke found dead. */
export const GATE_ORDER: readonly SuiteName[] = ['smoke', 'contracts', 'load', 'slo'];

export interface PlanEntry {
  readonly suite: SuiteName;
  readonly run: boolean;
  /** Why the suite is not run (it is still listed in the report as skipped). */
  readonly reason?: string;
}

/** Parses `--suites a,b` (names, in any order, comma or space separated). */
export function parseSuitesOption(text: string | readonly string[] | undefined): SuiteName[] | undefined {
  if (text === undefined) return undefined;
  const names = (typeof text === 'string' ? [text] : text).flatMap((t) => t.split(/[\s,]+/)).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--suites: give at least one of ${GATE_ORDER.join(', ')}`);
  const unknown = names.filter((n) => !SuiteName.safeParse(n).success);
  if (unknown.length > 0) throw new UsageError(`--suites: unknown suite ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${GATE_ORDER.join(', ')})`);
  return names as SuiteName[];
}

/**
 * Every suite in gate order, each marked run or skipped with the reason: the profile's suites,
 * narrowed (or widened) by `--suites`. Asking for load in a profile without load steps is a usage error.
 */
export function planSuites(profileName: string, profile: Profile, only?: readonly SuiteName[]): PlanEntry[] {
  if (only?.includes('load') && profile.load.length === 0) {
    throw new UsageError(`--suites load: the ${profileName} profile has no load step (use --profile deploy, nightly or release)`);
  }
  return GATE_ORDER.map((suite): PlanEntry => {
    if (only) return only.includes(suite) ? { suite, run: true } : { suite, run: false, reason: 'not selected by --suites' };
    return profile.suites.includes(suite) ? { suite, run: true } : { suite, run: false, reason: `not part of the ${profileName} profile` };
  });
}
