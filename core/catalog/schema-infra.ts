import { z } from 'zod';
import { BreakerSchema, PoolSchema } from './schema-behaviour.ts';
import { serviceId } from './schema-parts.ts';

export const SERVICE_KINDS = ['http', 'postgres', 'redis', 'tcp', 'http-probe'] as const;

/**
 * http: an application service (smoke, load, SLO, the reference stack). The rest is infrastructure
 * that smoke probes: postgres (SELECT 1), redis (PING), tcp (a connect), http-probe (a GET judged
 * by the health expectations).
 */
export const ServiceKindSchema = z.enum(SERVICE_KINDS, {
  error: (issue) =>
    issue.input === 'chroma'
      ? 'kind chroma is gone: write kind: http-probe with health: { path: /api/v1/heartbeat, field: null }'
      : `unknown kind ${JSON.stringify(issue.input)}: expected one of ${SERVICE_KINDS.join(', ')}`,
});

/** A database name as PostgreSQL takes it unquoted. */
export const databaseName = z.string().regex(/^[a-z_][a-z0-9_$]*$/, 'must be a lower-case PostgreSQL name (letters, digits, _)');

/** A service's use of an infrastructure entry (postgres, redis, ...), and which database on it. */
export const InfrastructureDependencySchema = z.strictObject({
  id: serviceId,
  database: databaseName.optional(),
  /** postgres: the service's connection pool (the reference stack holds one; `database_connection_pool_active`). */
  pool: PoolSchema.optional(),
  /** postgres: a circuit breaker on the service's database calls (`circuit_breaker_state{breaker="database"}`). */
  circuitBreaker: BreakerSchema.optional(),
});

export type ServiceKind = z.infer<typeof ServiceKindSchema>;
export type InfrastructureDependency = z.infer<typeof InfrastructureDependencySchema>;
