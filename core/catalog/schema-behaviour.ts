import { z } from 'zod';
import { durationField } from '../duration.ts';
import { serviceId, urlPath } from './schema-parts.ts';

/**
 * What a service does beyond answering its key endpoints, as data: a router in front of other
 * services, the saga an endpoint runs, the events an endpoint publishes, and how a service holds its
 * database (connection pool, circuit breaker). The reference stack's generic service acts them out;
 * the suites judge what they produce (metrics, events, answers).
 */

/** One route of a router: requests whose path starts with `prefix` go to a replica of `to`. */
export const RouteSchema = z.strictObject({
  prefix: urlPath,
  to: serviceId,
});

/** This service is a router (an ingress, a load balancer) in front of other services. */
export const RouterSchema = z.strictObject({
  /** How a route picks one of its target's replicas; a replica that refuses the connection is skipped for the next. */
  balance: z.enum(['round-robin']).default('round-robin'),
  routes: z.array(RouteSchema).min(1, 'give at least one route ({ prefix, to })'),
});

/** One step of a saga: an HTTP dependency of the service, called as its example shows, and the one that undoes it. */
export const SagaStepSchema = z.strictObject({
  /** `dependencies.http[].name` of this service. */
  call: z.string().min(1),
  /** `dependencies.http[].name` called (as its example shows) when a later step fails. */
  compensate: z.string().min(1).optional(),
});

/**
 * The saga an endpoint runs: each step in order, then the service's own database write; on a failure
 * the completed steps are compensated in reverse. Counted in `saga_transactions_total{saga,outcome}`,
 * `saga_active_transactions` and `saga_failed_transactions`.
 */
export const SagaSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case kebab-case'),
  steps: z.array(SagaStepSchema).min(1, 'give at least one step ({ call, compensate? })'),
});

/** A service's connection pool to its database (seed 002: 5 to 20 connections, 30 s timeout). */
export const PoolSchema = z.strictObject({
  min: z.number().int().nonnegative().default(0),
  max: z.number().int().positive().default(20),
  /** How long a query waits for a free connection before it fails. */
  acquireTimeout: durationField('30s or 500ms').default('30s'),
});

/** A circuit breaker on a service's database calls (seed 002: failure threshold 5, reset after 30 s). */
export const BreakerSchema = z.strictObject({
  /** Consecutive failed calls that open it. */
  threshold: z.number().int().positive().default(5),
  /** How long it stays open before one trial call is let through. */
  reset: durationField('30s or 1m').default('30s'),
});

export type Router = z.infer<typeof RouterSchema>;
export type Saga = z.infer<typeof SagaSchema>;
export type Pool = z.infer<typeof PoolSchema>;
export type Breaker = z.infer<typeof BreakerSchema>;
