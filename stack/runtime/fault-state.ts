import { requestDelayMs } from '../faults/creep.ts';
import { hasAnyFault, mergeFaults, type Faults } from '../faults/faults.ts';

/** The live fault settings of one service process, with the clock and random source injected. */
export class FaultState {
  #faults: Faults;
  #creepSinceMs: number;
  #any: boolean;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #listeners: ((faults: Faults) => void)[] = [];

  constructor(initial: Faults, now: () => number = Date.now, random: () => number = Math.random) {
    this.#faults = initial;
    this.#now = now;
    this.#random = random;
    this.#creepSinceMs = now();
    this.#any = hasAnyFault(initial);
  }

  get current(): Faults {
    return this.#faults;
  }

  /** True when any fault is set: the request pipeline skips all fault work otherwise. */
  get any(): boolean {
    return this.#any;
  }

  get creepSinceMs(): number {
    return this.#creepSinceMs;
  }

  /** Applies a partial update; creep restarts from now when its rate changes. */
  set(patch: Partial<Faults>): Faults {
    const next = mergeFaults(this.#faults, patch);
    if (next.creepMsPerMin !== this.#faults.creepMsPerMin) this.#creepSinceMs = this.#now();
    this.#faults = next;
    this.#any = hasAnyFault(next);
    for (const listener of this.#listeners) listener(next);
    return next;
  }

  onChange(listener: (faults: Faults) => void): void {
    this.#listeners.push(listener);
  }

  /** Added delay for a request now (latency + jitter + creep). */
  delayMs(): number {
    const f = this.#faults;
    return requestDelayMs({ latencyMs: f.latencyMs, jitterMs: f.jitterMs, creepMsPerMin: f.creepMsPerMin, creepSinceMs: this.#creepSinceMs }, this.#now(), this.#random);
  }

  /** Whether this saga's last step should fail (the saga-failures fault). */
  sagaFails(): boolean {
    return this.#faults.sagaFailureRate > 0 && this.#random() < this.#faults.sagaFailureRate;
  }

  /** Whether this request should be answered with an injected 500. */
  shouldFail(): boolean {
    return this.#faults.errorRate > 0 && this.#random() < this.#faults.errorRate;
  }
}
