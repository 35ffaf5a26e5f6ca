import type pg from 'pg';
import type { Catalog, InfrastructureDependency, Service } from '../../core/catalog/schema.ts';
import { durationMs } from '../../core/duration.ts';
import { redactSecrets } from '../../core/http/classify-response.ts';
import { SimulatedPool, type DatabaseDriver, type PoolLimits } from './database.ts';
import type { DependencyHealth } from './health-types.ts';
import type { Metrics } from './metrics.ts';
import { describe, round } from './probes.ts';

/** Seed 001: "database connection pooling configured (20 max connections per service)". */
export const DB_POOL_MAX = 20;
/** Connecting to a real PostgreSQL, and one statement on it, give up after this long (health answers fast). */
const TIMEOUT_MS = 2_000;
/** What /health/detailed names as the database of a service started without a DATABASE_URL. */
export const SIMULATED_DATABASE = 'simulated: in-memory store (no DATABASE_URL given)';

/** The catalog's postgres dependency of a service (its database, pool and breaker), if it has one. */
export function postgresDependency(service: Service, catalog: Catalog): InfrastructureDependency | undefined {
  const kinds = new Map(catalog.services.map((s) => [s.id, s.kind]));
  return service.dependencies.infrastructure.find((d) => kinds.get(d.id) === 'postgres');
}

/** The pool a service's database gets: the catalog's `pool` of its postgres dependency, else 20 connections (seed 001) and a 2 s wait. */
export function poolLimits(service: Service, catalog: Catalog): PoolLimits {
  const pool = postgresDependency(service, catalog)?.pool;
  return pool ? { max: pool.max, acquireTimeoutMs: durationMs(pool.acquireTimeout)! } : { max: DB_POOL_MAX, acquireTimeoutMs: TIMEOUT_MS };
}

/**
 * The database of one service, as /health/detailed, the API guard, the catalog's database calls and the
 * pool gauges see it. Given a DATABASE_URL (`use`), it is a real pg Pool of `limits.max` connections: its
 * health is a real `SELECT 1` with the time it took, statements run on it, and the gauge counts its
 * checked-out connections. Without one, a service whose module keeps data (`simulated`) has the in-memory
 * store, which is always reachable and says it is simulated, behind a simulated pool of the same size
 * (which waits `limits.acquireTimeoutMs` for a free connection); the gauge then counts the statements
 * holding a connection or the requests inside a handler, whichever is more.
 */
export class ServiceDatabase implements DatabaseDriver {
  readonly #simulated: boolean;
  readonly #requests: { readonly count: number };
  readonly #log: (line: string) => void;
  readonly #limits: PoolLimits;
  readonly #memory: SimulatedPool;
  #pool: pg.Pool | undefined;
  #target = SIMULATED_DATABASE;
  #gauge = false;

  constructor(simulated: boolean, requests: { readonly count: number }, log: (line: string) => void, limits: PoolLimits = { max: DB_POOL_MAX, acquireTimeoutMs: TIMEOUT_MS }) {
    this.#simulated = simulated;
    this.#requests = requests;
    this.#log = log;
    this.#limits = limits;
    this.#memory = new SimulatedPool(limits);
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

  /**
   * Connects the service to the PostgreSQL at `url` (connections are made on first use). The real pool
   * has `limits.max` connections; connecting and each statement give up after 2 s, so a database that
   * went away shows in health at once (the catalog's `acquireTimeout` applies to the simulated pool).
   */
  async use(url: string): Promise<void> {
    const { default: pgModule } = await import('pg');
    this.#target = redactSecrets(url);
    this.#pool = new pgModule.Pool({ connectionString: url, max: this.#limits.max, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    // A server that goes away breaks idle connections: the next query says so; the process stays up.
    this.#pool.on('error', (err) => this.#log(`database: connection lost: ${describe(err)}`));
  }

  /** One statement: on the real pool, or through the simulated pool to the in-memory store. */
  async query(sql: string): Promise<void> {
    if (this.#pool) await this.#pool.query(sql);
    else await this.#memory.query();
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

  /** Connections in use: the real pool's checked-out ones; simulated, the statements or requests holding one, at most the pool size. */
  inUse(): number {
    if (this.#pool) return this.#pool.totalCount - this.#pool.idleCount;
    return Math.max(this.#memory.inUse(), Math.min(this.#requests.count, this.#limits.max));
  }

  /** Registers `database_connection_pool_active` and `database_connection_pool_max` once the service has a database. */
  register(metrics: Metrics): void {
    if (this.#gauge || !this.present) return;
    this.#gauge = true;
    metrics.gauge('database_connection_pool_active', `Connections of the service's database pool in use, at most ${this.#limits.max}: a real pg Pool's checked-out connections with a DATABASE_URL; without one, the statements or requests inside a handler holding one (simulated store).`, [], (g) => g.set(this.inUse()));
    metrics.gauge('database_connection_pool_max', 'Connections the database pool may open.', [], (g) => g.set(this.#limits.max));
  }

  async close(): Promise<void> {
    await this.#pool?.end().catch(() => {});
  }
}
