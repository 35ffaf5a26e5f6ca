import type { FaultSpec } from './fault-spec.ts';
import { mergeFaults, NO_FAULTS, type Faults } from './faults.ts';

/** What the launcher does for one service (or one replica of it), given every `--fault` spec. */
export interface ServiceFaultPlan {
  readonly faults: Faults;
  /** Not started at all (its URL points at a closed port). */
  readonly down: boolean;
  /** Started, then exits 0 at once without listening. */
  readonly exitAtStart: boolean;
}

const NONE: ServiceFaultPlan = { faults: NO_FAULTS, down: false, exitAtStart: false };

/** `sample-service` (every replica) or `sample-service#2` (one replica): the key a spec is planned under. */
export function faultTarget(service: string, replica?: number): string {
  return replica === undefined ? service : `${service}#${replica}`;
}

function fold(current: ServiceFaultPlan, spec: FaultSpec): ServiceFaultPlan {
  return {
    faults: mergeFaults(current.faults, spec.faults),
    down: current.down || spec.kind === 'down',
    exitAtStart: current.exitAtStart || spec.kind === 'exit-at-start',
  };
}

/** Folds the specs into one plan per target (a service, or one replica of it); later specs win for the same setting. */
export function planFaults(specs: readonly FaultSpec[]): Map<string, ServiceFaultPlan> {
  const plans = new Map<string, ServiceFaultPlan>();
  for (const spec of specs) {
    const key = faultTarget(spec.service, spec.replica);
    plans.set(key, fold(plans.get(key) ?? NONE, spec));
  }
  return plans;
}

/** The plan of a service, or of one of its replicas: the service-wide specs, then the replica's own on top. */
export function planFor(plans: ReadonlyMap<string, ServiceFaultPlan>, service: string, replica?: number): ServiceFaultPlan {
  const whole = plans.get(service) ?? NONE;
  const own = replica === undefined ? undefined : plans.get(faultTarget(service, replica));
  if (!own) return whole;
  return { faults: mergeFaults(whole.faults, diff(own.faults)), down: whole.down || own.down, exitAtStart: whole.exitAtStart || own.exitAtStart };
}

/** The settings of `faults` that differ from no fault (what a replica's own specs turned on). */
function diff(faults: Faults): Partial<Faults> {
  return Object.fromEntries(Object.entries(faults).filter(([key, value]) => NO_FAULTS[key as keyof Faults] !== value)) as Partial<Faults>;
}
