import type { Check } from '../../../core/result.ts';
import type { Drift } from '../data.ts';
import { MIN_PHASE_SECONDS } from '../soak/drift.ts';

/**
 * The soak's drift verdict: the last third of the hold against the first (soak/drift.ts). A hold
 * too short to cut in thirds cannot show drift, so it is a warning that says how long to run, never
 * a pass.
 */
export function driftCheck(drift: Drift | undefined, holdSeconds: number): Check {
  const base = { id: 'load/soak/drift', name: 'no drift over the soak (last third of the hold vs the first)', durationMs: 0 };
  if (!drift) {
    const needed = 3 * MIN_PHASE_SECONDS + 2;
    return {
      ...base,
      outcome: 'warn',
      detail: { holdSeconds },
      failure: { kind: 'no-data', message: `the hold (${holdSeconds.toFixed(0)} s) is too short to compare its first and last thirds (at least ${needed} s): drift was not measured; raise --duration` },
    };
  }
  const detail = { early: drift.early, late: drift.late, problems: drift.problems };
  if (drift.problems.length === 0) return { ...base, outcome: 'pass', detail };
  return { ...base, outcome: 'fail', detail, failure: { kind: 'threshold', message: `the system degraded during the soak: ${drift.problems.join('; ')}` } };
}
