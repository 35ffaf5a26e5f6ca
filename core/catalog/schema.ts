import { z } from 'zod';
import { AuthSchema, ReplicasSchema } from './schema-access.ts';
import { ContractsSpecSchema, HttpExampleSchema, PublishedEventSchema } from './schema-examples.ts';
import { CatalogDefaultsSchema, EndpointResponseSchema, HealthSchema, MetricsSchema } from './schema-health.ts';
import { databaseName, InfrastructureDependencySchema, ServiceKindSchema } from './schema-infra.ts';
import { RouterSchema, SagaSchema } from './schema-behaviour.ts';
import { httpStatus, regexSource, SchemaRefSchema, serviceId, urlPath } from './schema-parts.ts';
import { MetricConventionsSchema, SloDefaultsSchema, SloSpecSchema } from './slo-schema.ts';

/** Zod schema for the service catalog (catalog/tracseq.yaml). Defaults live here and nowhere else. */

const httpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const EnvironmentSchema = z.strictObject({
  production: z.boolean().default(false),
  /** `{id}` and `{port}` are replaced per service. */
  urlTemplate: z.string().min(1),
});

export { SloSpecSchema, type SloSpec } from './slo-schema.ts';

/** How the every-service load scenario (load/endpoints.ts) calls an endpoint. */
export const EndpointLoadSchema = z.strictObject({
  /** Share of the endpoints scenario's requests, relative to the other endpoints' weights; 0 = not loaded. */
  weight: z.number().nonnegative().default(1),
  /** Values for the path's `{name}` placeholders; an endpoint missing one is left out of the load, with the reason logged. */
  params: z.record(z.string(), z.union([z.string().min(1), z.number()])).default({}),
});

export const EndpointSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethod.default('GET'),
  path: urlPath,
  status: httpStatus.default(200),
  /** The answer's body: json (parsed, and checked against `schema` when given), text (matched against `match` when given) or none (status only). */
  response: EndpointResponseSchema.default('json'),
  /** response text: a regular expression the body must match. */
  match: regexSource.optional(),
  /** response json: JSON Schema of the body (a file beside the catalog, or inline); without it only status and JSON are checked. */
  schema: SchemaRefSchema.optional(),
  /** response json: a body that satisfies `schema` (the reference stack's generic service answers with it). */
  example: z.unknown().optional(),
  /** The request needs the credential from the catalog's `auth.login`. */
  auth: z.boolean().default(false),
  body: z.record(z.string(), z.unknown()).optional(),
  /** Latency budget for the smoke check, in milliseconds. */
  budgetMs: z.number().positive().default(1000),
  load: EndpointLoadSchema.prefault({}),
  /** Events (of the service's `dependencies.publishes`) the service publishes each time this endpoint answers 2xx. */
  publishes: z.array(z.string().min(1)).default([]),
  /** The saga this endpoint runs before it answers (the reference stack's generic service runs it). */
  saga: SagaSchema.optional(),
});

export const HttpDependencySchema = z.strictObject({
  to: serviceId,
  name: z.string().min(1),
  method: httpMethod,
  path: urlPath,
  example: HttpExampleSchema.optional(),
});

export const ConsumedEventSchema = z.strictObject({
  event: z.string().min(1),
  from: serviceId,
  /** Payload fields this consumer reads: the producer's event pacts pin them. */
  fields: z.array(z.string().min(1)).default([]),
});

export const DependenciesSchema = z.strictObject({
  http: z.array(HttpDependencySchema).default([]),
  publishes: z.array(PublishedEventSchema).default([]),
  consumes: z.array(ConsumedEventSchema).default([]),
  /** The infrastructure entries (postgres, redis, ...) this service uses. */
  infrastructure: z.array(InfrastructureDependencySchema).default([]),
});

export const ServiceSchema = z.strictObject({
  id: serviceId,
  kind: ServiceKindSchema.default('http'),
  port: z.number().int().min(1).max(65535),
  description: z.string().optional(),
  /** Explicit URL per environment; wins over the environment's urlTemplate. */
  urls: z.record(z.string(), z.string().min(1)).default({}),
  health: HealthSchema.optional(),
  metrics: MetricsSchema.optional(),
  replicas: ReplicasSchema.optional(),
  /** This service routes requests to other services (an ingress or load balancer), round-robin over their replicas. */
  router: RouterSchema.optional(),
  /** postgres: the databases it holds (the local target creates them). */
  databases: z.array(databaseName).optional(),
  endpoints: z.array(EndpointSchema).default([]),
  dependencies: DependenciesSchema.prefault({}),
  slos: SloSpecSchema.prefault({}),
});

/** The event bus: published events become producer -> bus edges only when a bus is named. */
export const EventsSchema = z.strictObject({
  bus: serviceId.optional(),
});

/** Catalog-level load settings: whether the system has the hand-written journeys, and where they enter. */
export const LoadSpecSchema = z.strictObject({
  /** The service the hand-written journeys enter through (its SLOs judge all requests together); default none. */
  entry: serviceId.optional(),
  /** This system has the hand-written TracSeq journeys (load/lib/journeys.ts); without them only the endpoints scenario runs. */
  journeys: z.boolean().default(false),
});

export const CatalogSchema = z.strictObject({
  system: z.string().min(1),
  catalogVersion: z.literal(1),
  environments: z.record(z.string(), EnvironmentSchema),
  defaults: CatalogDefaultsSchema.optional(),
  auth: AuthSchema.optional(),
  /** Metric names and label names the SLO templates use. */
  metrics: MetricConventionsSchema.prefault({}),
  sloDefaults: SloDefaultsSchema.prefault({}),
  events: EventsSchema.prefault({}),
  contracts: ContractsSpecSchema.prefault({}),
  services: z.array(ServiceSchema),
  load: LoadSpecSchema.prefault({}),
});

export type Catalog = z.infer<typeof CatalogSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Endpoint = z.infer<typeof EndpointSchema>;
export type HttpDependency = z.infer<typeof HttpDependencySchema>;
export type Environment = z.infer<typeof EnvironmentSchema>;
export type Dependencies = z.infer<typeof DependenciesSchema>;
export type { Auth, Replicas } from './schema-access.ts';
export type { Breaker, Pool, Router, Saga } from './schema-behaviour.ts';
export type { ContractsSpec, HttpExample, PublishedEvent } from './schema-examples.ts';
export type { CatalogDefaults, Health } from './schema-health.ts';
export type { InfrastructureDependency, ServiceKind } from './schema-infra.ts';
export type { SchemaRef } from './schema-parts.ts';
export type ConsumedEvent = z.infer<typeof ConsumedEventSchema>;
export type LoadSpec = z.infer<typeof LoadSpecSchema>;
