import { durationMs } from '../../../core/duration.ts';
import { Database } from '../../runtime/database.ts';
import { postgresDependency } from '../../runtime/service-database.ts';
import type { ServiceContext } from '../../runtime/types.ts';

/**
 * The service's database calls as the catalog describes them (`dependencies.infrastructure[]` of a postgres
 * entry: its `circuitBreaker`; its `pool` sizes the service's database), on the service's database (a real
 * PostgreSQL given a DATABASE_URL, else the simulated store); undefined when it lists no postgres.
 */
export function catalogDatabase(ctx: ServiceContext): Database | undefined {
  const dep = postgresDependency(ctx.service, ctx.catalog);
  if (!dep) return undefined;
  const breaker = dep.circuitBreaker ? { threshold: dep.circuitBreaker.threshold, resetMs: durationMs(dep.circuitBreaker.reset)! } : undefined;
  return new Database({ driver: ctx.database, breaker, metrics: ctx.metrics, faults: ctx.faults });
}
