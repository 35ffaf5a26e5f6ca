export type BreakerState = 'closed' | 'open' | 'half-open';

/** Prometheus encoding of the state for circuit_breaker_state. */
export const STATE_VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, open: 1, 'half-open': 2 };

/**
 * Per-upstream circuit breaker (seed 004: CIRCUIT_BREAKER_FAILURE_THRESHOLD=5, RECOVERY_TIMEOUT=60 s).
 * `threshold` consecutive failures open it; after `recoveryMs` one trial request is let through (half-open):
 * success closes it, failure opens it again. The clock is injected.
 */
export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #trialInFlight = false;
  readonly #threshold: number;
  readonly #recoveryMs: number;
  readonly #now: () => number;

  constructor(threshold: number, recoveryMs: number, now: () => number = Date.now) {
    this.#threshold = threshold;
    this.#recoveryMs = recoveryMs;
    this.#now = now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  /** Consecutive failures counted so far. */
  get failures(): number {
    return this.#failures;
  }

  /** Seconds until an open breaker lets a trial through. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.#openedAt + this.#recoveryMs - this.#now()) / 1000));
  }

  allow(): boolean {
    if (this.#state === 'closed') return true;
    if (this.#state === 'open') {
      if (this.#now() - this.#openedAt < this.#recoveryMs) return false;
      this.#state = 'half-open';
      this.#trialInFlight = false;
    }
    if (this.#trialInFlight) return false;
    this.#trialInFlight = true;
    return true;
  }

  success(): void {
    this.#failures = 0;
    this.#state = 'closed';
    this.#trialInFlight = false;
  }

  failure(): void {
    this.#failures += 1;
    this.#trialInFlight = false;
    if (this.#state === 'half-open' || (this.#state === 'closed' && this.#failures >= this.#threshold)) {
      this.#state = 'open';
      this.#openedAt = this.#now();
    }
  }
}
