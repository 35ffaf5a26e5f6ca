const MAX_ENTRIES = 10_000;

/** Validated tokens and their users, trusted for `ttlMs` (never past the token's own expiry). Clock injected. */
export class TokenCache<U> {
  readonly #entries = new Map<string, { user: U; until: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get(token: string): U | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.until > this.#now()) return entry.user;
    this.#entries.delete(token);
    return undefined;
  }

  /** `expiresAtMs`: the token's own expiry, when known. */
  set(token: string, user: U, expiresAtMs?: number): void {
    if (this.#ttlMs <= 0) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    const until = Math.min(this.#now() + this.#ttlMs, expiresAtMs ?? Number.POSITIVE_INFINITY);
    this.#entries.set(token, { user, until });
  }

  clear(): void {
    this.#entries.clear();
  }
}
