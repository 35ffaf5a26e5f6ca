import type { FaultSpec } from './fault-spec.ts';
import { mergeFaults, NO_FAULTS, type Faults } from './faults.ts';

/** What the launcher does for one service, given every `--fault` spec. */
export interface ServiceFaultPlan {
  readonly faults: Faults;
  /** Not started at all (its URL points at a closed port). */
  readonly down: boolean;
  /** Started, then exits 0 at once without listening. */
  readonly exitAtStart: boolean;
}

const NONE: ServiceFaultPlan = { faults: NO_FAULTS, down: false, exitAtStart: false };

/** Folds the specs into one plan per service; later specs win for the same setting. */
export function planFaults(specs: readonly FaultSpec[]): Map<string, ServiceFaultPlan> {
  const plans = new Map<string, ServiceFaultPlan>();
  for (const spec of specs) {
    const current = plans.get(spec.service) ?? NONE;
    plans.set(spec.service, {
      faults: mergeFaults(current.faults, spec.faults),
      down: current.down || spec.kind === 'down',
      exitAtStart: current.exitAtStart || spec.kind === 'exit-at-start',
    });
  }
  return plans;
}

export function planFor(plans: ReadonlyMap<string, ServiceFaultPlan>, service: string): ServiceFaultPlan {
  return plans.get(service) ?? NONE;
}
