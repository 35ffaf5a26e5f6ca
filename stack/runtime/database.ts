import type pg from 'pg';
import { redactSecrets } from '../../core/http/classify-response.ts';
import type { DependencyHealth } from './health-types.ts';
import type { Metrics } from './metrics.ts';
import { describe, round } from './probes.ts';

/** Seed 001: "database connection pooling configured (20 max connections per service)". */
export const DB_POOL_MAX = 20;
const TIMEOUT_MS = 2_000;
/** What /health/detailed names as the database of a service started without a DATABASE_URL. */
export const SIMULATED_DATABASE = 'simulated: in-memory store (no DATABASE_URL given)';

/**
 * The database of one service, as /health/detailed, the API guard and `database_connection_pool_active`
 * see it. Given a DATABASE_URL (`use`), it is a real pg Pool (at most 20 connections, seed 001): its
 * health is a real `SELECT 1` with the time it took, and the gauge counts the pool's checked-out
 * connections. Without one, a service whose module keeps data (`simulated`) has the in-memory store,
 * which is always reachable and says it is simulated; the gauge then counts requests inside a handler.
 */
export class ServiceDatabase {
  readonly #simulated: boolean;
  readonly #requests: { readonly count: number };
  readonly #log: (line: string) => void;
  #pool: pg.Pool | undefined;
  #target = SIMULATED_DATABASE;
  #gauge = false;

  constructor(simulated: boolean, requests: { readonly count: number }, log: (line: string) => void) {
    this.#simulated = simulated;
    this.#requests = requests;
    this.#log = log;
  }

  /** True when the service has a database at all (its module keeps data, or it was given a DATABASE_URL). */
  get present(): boolean {
    return this.#simulated || this.#pool !== undefined;
  }

  /** True when backed by a real PostgreSQL. */
  get real(): boolean {
    return this.#pool !== undefined;
  }

  /** Where the service looks for its database (the password hidden). */
  get target(): string {
    return this.#target;
  }

  /** Connects the service to the PostgreSQL at `url` (connections are made on first use). */
  async use(url: string): Promise<void> {
    const { default: pgModule } = await import('pg');
    this.#target = redactSecrets(url);
    this.#pool = new pgModule.Pool({ connectionString: url, max: DB_POOL_MAX, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    // A server that goes away breaks idle connections: the next query says so; the process stays up.
    this.#pool.on('error', (err) => this.#log(`database: connection lost: ${describe(err)}`));
  }

  /** A real `SELECT 1` through the pool (or the simulated store, always reachable). */
  async check(): Promise<DependencyHealth> {
    if (!this.#pool) return { status: 'healthy', target: this.#target, latency_ms: 0 };
    const started = performance.now();
    try {
      await this.#pool.query('SELECT 1');
      return { status: 'healthy', target: this.#target, latency_ms: round(performance.now() - started) };
    } catch (err) {
      return { status: 'unhealthy', target: this.#target, latency_ms: round(performance.now() - started), error: describe(err) };
    }
  }

  /** Connections in use: the real pool's checked-out ones, or requests inside a handler (simulated), at most 20. */
  inUse(): number {
    if (this.#pool) return this.#pool.totalCount - this.#pool.idleCount;
    return Math.min(this.#requests.count, DB_POOL_MAX);
  }

  /** Registers `database_connection_pool_active` once the service has a database. */
  register(metrics: Metrics): void {
    if (this.#gauge || !this.present) return;
    this.#gauge = true;
    metrics.gauge('database_connection_pool_active', `Connections of the service's database pool in use, at most ${DB_POOL_MAX}: a real pg Pool's checked-out connections with a DATABASE_URL; without one, requests inside a handler (simulated store).`, [], (g) => g.set(this.inUse()));
  }

  async close(): Promise<void> {
    await this.#pool?.end().catch(() => {});
  }
}
