import { CircuitBreaker, STATE_VALUE } from '../services/gateway/circuit-breaker.ts';
import type { FaultState } from './fault-state.ts';
import type { DependencyHealth } from './health-types.ts';
import { HttpError } from './http-error.ts';
import type { Metrics } from './metrics.ts';

/**
 * How a service reaches its database: one statement at a time on a pooled connection
 * (`ServiceDatabase`: a real PostgreSQL pool given a DATABASE_URL, else the simulated pool).
 */
export interface DatabaseDriver {
  /** Where it connects (shown in /health/detailed). */
  readonly target: string;
  /** Runs one statement; rejects when the database or a connection cannot be had. */
  query(sql: string): Promise<void>;
  /** Connections checked out right now. */
  inUse(): number;
  close(): Promise<void>;
}

export interface PoolLimits {
  readonly max: number;
  readonly acquireTimeoutMs: number;
}

/**
 * The simulated connection pool: at most `max` statements hold a connection at once; one more waits up to
 * `acquireTimeoutMs` for a free one, then fails as an exhausted pool does. The store behind it always answers.
 */
export class SimulatedPool {
  readonly #limits: PoolLimits;
  #busy = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limits: PoolLimits) {
    this.#limits = limits;
  }

  inUse(): number {
    return this.#busy;
  }

  async query(): Promise<void> {
    await this.#acquire();
    try {
      await Promise.resolve();
    } finally {
      this.#release();
    }
  }

  async #acquire(): Promise<void> {
    if (this.#busy < this.#limits.max) {
      this.#busy += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        reject(new Error(`connection pool exhausted: no free connection within ${this.#limits.acquireTimeoutMs} ms (max ${this.#limits.max})`));
      }, this.#limits.acquireTimeoutMs);
      this.#waiting.push(grant);
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy -= 1;
  }
}

export interface DatabaseOptions {
  readonly driver: DatabaseDriver;
  /** A breaker on every call (the catalog's `circuitBreaker`); none: calls are never refused. */
  readonly breaker?: { readonly threshold: number; readonly resetMs: number } | undefined;
  readonly metrics: Metrics;
  readonly faults: FaultState;
  readonly now?: () => number;
}

/** Query durations from 0.5 ms (the simulated store) to 5 s. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A service's database calls: through the circuit breaker (the breaker-open fault holds it open), timed
 * into `database_query_duration`, with the pool and breaker as the seed's metrics. A refused or failed
 * call throws HttpError 503 naming why.
 */
export class Database {
  readonly #driver: DatabaseDriver;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #faults: FaultState;
  readonly #duration: ReturnType<Metrics['histogram']>;

  constructor(options: DatabaseOptions) {
    this.#driver = options.driver;
    this.#faults = options.faults;
    this.#breaker = options.breaker ? new CircuitBreaker(options.breaker.threshold, options.breaker.resetMs, options.now) : undefined;
    const m = options.metrics;
    this.#duration = m.histogram('database_query_duration', 'Database statement duration in seconds, by operation and outcome.', QUERY_BUCKETS, ['operation', 'outcome']);
    if (this.#breaker) {
      m.gauge('circuit_breaker_state', 'Circuit breaker state: 0 closed, 1 open, 2 half-open.', ['breaker'], (g) => g.set({ breaker: 'database' }, STATE_VALUE[this.state]));
      m.gauge('circuit_breaker_failures', 'Consecutive failures counted by the circuit breaker.', ['breaker'], (g) => g.set({ breaker: 'database' }, this.#breaker!.failures));
    }
  }

  get target(): string {
    return this.#driver.target;
  }

  /** The breaker's state (`closed` without a breaker); the breaker-open fault shows as open. */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.#faults.current.breakerOpen) return 'open';
    return this.#breaker?.state ?? 'closed';
  }

  /** Connections checked out right now (`database_connection_pool_active`). */
  inUse(): number {
    return this.#driver.inUse();
  }

  /** Runs one statement; `operation` labels its duration (e.g. `GET /api/v1/samples`). */
  async query(operation: string, sql = 'SELECT 1'): Promise<void> {
    if (this.#faults.current.breakerOpen) throw new HttpError(503, `database circuit breaker open (breaker-open fault): ${operation} refused`);
    if (this.#breaker && !this.#breaker.allow()) {
      throw new HttpError(503, `database circuit breaker open after ${this.#breaker.failures} consecutive failures: ${operation} refused (retry in ${this.#breaker.retryAfterSeconds()} s)`);
    }
    const started = performance.now();
    try {
      await this.#driver.query(sql);
      this.#breaker?.success();
      this.#duration.observe({ operation, outcome: 'ok' }, (performance.now() - started) / 1000);
    } catch (err) {
      this.#breaker?.failure();
      this.#duration.observe({ operation, outcome: 'error' }, (performance.now() - started) / 1000);
      throw new HttpError(503, `database call failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The `database` entry of /health/detailed while the breaker is open; undefined while it is closed (the database's own check applies). */
  breakerHealth(): DependencyHealth | undefined {
    if (this.state !== 'open') return undefined;
    return { status: 'unhealthy', target: this.target, error: `circuit breaker open${this.#faults.current.breakerOpen ? ' (breaker-open fault)' : ` after ${this.#breaker?.failures ?? 0} consecutive failures`}` };
  }

  /** Closes the breaker again (POST /__admin/reset). */
  reset(): void {
    this.#breaker?.success();
  }
}
