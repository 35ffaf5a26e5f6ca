import { STEPS, type StepName } from './steps.ts';

/**
 * The laboratory users' traffic, in ONE place: which journeys they make, how often (weights of
 * iterations), and how long they pause between steps. Pure data plus arithmetic, no k6 imports.
 */
export type JourneyName = 'signIn' | 'browse' | 'register' | 'sequence';

export interface Journey {
  readonly name: JourneyName;
  /** Share of journey iterations (the weights add up to 1). */
  readonly weight: number;
  /** The requests one iteration makes, in order (a fixed count, so req/s targets are exact). */
  readonly steps: readonly StepName[];
}

export const JOURNEYS: readonly Journey[] = [
  { name: 'signIn', weight: 0.05, steps: ['login', 'me'] },
  { name: 'browse', weight: 0.5, steps: ['listSamples', 'getSample'] },
  // Registered samples are stored, then checked out again: storage stays in a steady state.
  { name: 'register', weight: 0.25, steps: ['createSample', 'assignStorage', 'releaseStorage'] },
  // Samples sent straight to sequencing need no storage slot.
  { name: 'sequence', weight: 0.2, steps: ['createSample', 'submitJob', 'getJob', 'getJob'] },
];

/** Think time between two steps of a journey: `meanMs` ± `jitter` (a fraction of the mean). Scaled by THINK_SCALE. */
export const THINK = { meanMs: 40, jitter: 0.5 } as const;

/**
 * Stress and spike send one request per iteration (so the arrival rate IS the request rate and a
 * dropped iteration is a request the generator could not send), drawn by these weights.
 */
export const SINGLE_STEPS: readonly { readonly step: StepName; readonly weight: number }[] = [
  { step: 'listSamples', weight: 0.45 },
  { step: 'getSample', weight: 0.2 },
  { step: 'createSample', weight: 0.15 },
  { step: 'listJobs', weight: 0.1 },
  { step: 'getJob', weight: 0.1 },
];

/** The requests setup() makes (journeys.ts `prepare`: logins, samples, jobs); they are measured too. */
export const SETUP_STEPS: readonly StepName[] = ['login', 'createSample', 'submitJob'];

/**
 * The services a journey scenario sends requests to, setup() included: `journeys` (load, soak,
 * smoke-load walk JOURNEYS) or `single` (stress and spike draw SINGLE_STEPS). Only these get
 * per-service thresholds: one for a service the scenario never calls would select nothing.
 */
export function servicesReached(kind: 'journeys' | 'single'): string[] {
  const steps = kind === 'journeys' ? JOURNEYS.flatMap((j) => j.steps) : SINGLE_STEPS.map((s) => s.step);
  return [...new Set([...steps, ...SETUP_STEPS].map((name) => STEPS[name].service))].sort();
}

/** Average requests per journey iteration (weights applied). */
export function requestsPerIteration(journeys: readonly Journey[] = JOURNEYS): number {
  return journeys.reduce((sum, j) => sum + j.weight * j.steps.length, 0);
}

/** Journey iterations per minute that yield `rps` requests per second overall. */
export function iterationsPerMinute(rps: number, journeys: readonly Journey[] = JOURNEYS): number {
  return Math.round((rps * 60) / requestsPerIteration(journeys));
}

/** The longest cycle a weighted schedule may have (weights too fine-grained for it are refused). */
export const MAX_SCHEDULE_LENGTH = 10_000;

/**
 * One cycle of item indexes in which each item appears in proportion to its weight, spread out
 * (smooth weighted round-robin, as nginx balances upstreams). Iteration i of a test runs
 * schedule[i % length]: the mix is exact over every cycle, in every instance of a segmented run.
 * Weights count in thousandths; throws when one is not positive or the cycle would be too long.
 */
export function weightedSchedule(weights: readonly number[]): number[] {
  const units = weights.map((w) => Math.round(w * 1000));
  if (units.length === 0 || units.some((u) => u <= 0)) throw new Error('weights must be positive multiples of 0.001');
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const divisor = units.reduce(gcd);
  const counts = units.map((u) => u / divisor);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total > MAX_SCHEDULE_LENGTH) throw new Error(`weights give a schedule of ${total} entries, more than ${MAX_SCHEDULE_LENGTH}: use coarser weights`);
  const current = counts.map(() => 0);
  const out: number[] = [];
  for (let n = 0; n < total; n += 1) {
    let best = 0;
    counts.forEach((c, i) => {
      current[i] = (current[i] ?? 0) + c;
      if ((current[i] ?? 0) > (current[best] ?? 0)) best = i;
    });
    current[best] = (current[best] ?? 0) - total;
    out.push(best);
  }
  return out;
}

/**
 * The journeys' schedule (weightedSchedule over JOURNEYS): one pool of VUs serves all journeys, so a
 * slow journey borrows VUs instead of dropping iterations.
 */
export function journeySchedule(journeys: readonly Journey[] = JOURNEYS): JourneyName[] {
  return weightedSchedule(journeys.map((j) => j.weight)).map((i) => journeys[i]!.name);
}

/** Picks an item by weight with `u` uniform in [0, 1). */
export function pickWeighted<T extends { readonly weight: number }>(items: readonly T[], u: number): T {
  const total = items.reduce((a, i) => a + i.weight, 0);
  let x = u * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}
