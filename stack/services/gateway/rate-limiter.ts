export type RateDecision = { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Window {
  start: number;
  count: number;
}

const MAX_KEYS = 10_000;

/**
 * Fixed-window rate limit per client key (seed 004: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW).
 * The clock is injected; one small record per client, mutated in place.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  take(key: string): RateDecision {
    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#windowMs) {
      if (!window && this.#windows.size >= MAX_KEYS) this.#windows.clear();
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= this.#limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.#windowMs - now) / 1000)) };
    }
    window.count += 1;
    return { allowed: true, remaining: this.#limit - window.count };
  }
}
