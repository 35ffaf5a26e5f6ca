import type { Catalog, InfrastructureDependency, Service } from '../../../core/catalog/schema.ts';
import { durationMs } from '../../../core/duration.ts';
import { Database, MemoryDriver } from '../../runtime/database.ts';
import type { ServiceContext } from '../../runtime/types.ts';

/** The catalog's postgres dependency of a service (its database, pool and breaker), if it has one. */
export function postgresDependency(service: Service, catalog: Catalog): InfrastructureDependency | undefined {
  const kinds = new Map(catalog.services.map((s) => [s.id, s.kind]));
  return service.dependencies.infrastructure.find((d) => kinds.get(d.id) === 'postgres');
}

/** Seed 001: "database connection pooling configured (20 max connections per service)"; the catalog's `pool` overrides. */
const DEFAULT_POOL = { max: 20, acquireTimeout: '30s' } as const;

/**
 * The service's database as the catalog describes it (`dependencies.infrastructure[]` of a postgres entry:
 * its `pool` and `circuitBreaker`), on the simulated driver; undefined when it lists no postgres.
 */
export function catalogDatabase(ctx: ServiceContext): Database | undefined {
  const dep = postgresDependency(ctx.service, ctx.catalog);
  if (!dep) return undefined;
  const pool = dep.pool ?? DEFAULT_POOL;
  const limits = { max: pool.max, acquireTimeoutMs: durationMs(pool.acquireTimeout)! };
  const breaker = dep.circuitBreaker ? { threshold: dep.circuitBreaker.threshold, resetMs: durationMs(dep.circuitBreaker.reset)! } : undefined;
  return new Database({ driver: new MemoryDriver(() => ctx.deps.databaseTarget(), limits), poolMax: pool.max, breaker, metrics: ctx.metrics, faults: ctx.faults });
}
