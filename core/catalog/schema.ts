import { z } from 'zod';
import { MetricConventionsSchema, SloDefaultsSchema, SloSpecSchema } from './slo-schema.ts';

/** Zod schema for the service catalog (catalog/tracseq.yaml). Defaults live here and nowhere else. */

const serviceId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case kebab-case');
const httpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const urlPath = z.string().startsWith('/', 'must start with /');

export const EnvironmentSchema = z.strictObject({
  production: z.boolean().default(false),
  /** `{id}` and `{port}` are replaced per service. */
  urlTemplate: z.string().min(1),
});

export { SloSpecSchema, type SloSpec } from './slo-schema.ts';

export const EndpointSchema = z.strictObject({
  name: z.string().min(1),
  method: httpMethod.default('GET'),
  path: urlPath,
  status: z.number().int().min(100).max(599).default(200),
  /** A named response schema from core/response-schemas.ts. */
  schema: z.string().min(1),
  /** The request needs a bearer token from the login journey. */
  auth: z.boolean().default(false),
  body: z.record(z.string(), z.unknown()).optional(),
  /** Latency budget for the smoke check, in milliseconds. */
  budgetMs: z.number().positive().default(1000),
});

export const HttpDependencySchema = z.strictObject({
  to: serviceId,
  name: z.string().min(1),
  method: httpMethod,
  path: urlPath,
});

export const ConsumedEventSchema = z.strictObject({
  event: z.string().min(1),
  from: serviceId,
  /** Payload fields this consumer reads: the producer's event pacts pin them. */
  fields: z.array(z.string().min(1)).default([]),
});

export const DependenciesSchema = z.strictObject({
  http: z.array(HttpDependencySchema).default([]),
  publishes: z.array(z.string().min(1)).default([]),
  consumes: z.array(ConsumedEventSchema).default([]),
});

export const ServiceSchema = z.strictObject({
  id: serviceId,
  kind: z.enum(['http', 'postgres', 'redis', 'chroma']).default('http'),
  port: z.number().int().min(1).max(65535),
  description: z.string().optional(),
  /** Explicit URL per environment; wins over the environment's urlTemplate. */
  urls: z.record(z.string(), z.string().min(1)).default({}),
  health: z
    .strictObject({ path: urlPath.default('/health'), detailed: urlPath.optional() })
    .optional(),
  metrics: z
    .strictObject({ path: urlPath.default('/metrics'), required: z.array(z.string().min(1)).default([]) })
    .optional(),
  endpoints: z.array(EndpointSchema).default([]),
  dependencies: DependenciesSchema.prefault({}),
  slos: SloSpecSchema.prefault({}),
});

/** The event bus: published events become producer -> bus edges only when a bus is named. */
export const EventsSchema = z.strictObject({
  bus: serviceId.optional(),
});

export const CatalogSchema = z.strictObject({
  system: z.string().min(1),
  catalogVersion: z.literal(1),
  environments: z.record(z.string(), EnvironmentSchema),
  /** Metric names and label names the SLO templates use. */
  metrics: MetricConventionsSchema.prefault({}),
  sloDefaults: SloDefaultsSchema.prefault({}),
  events: EventsSchema.prefault({}),
  services: z.array(ServiceSchema),
});

export type Catalog = z.infer<typeof CatalogSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Endpoint = z.infer<typeof EndpointSchema>;
export type HttpDependency = z.infer<typeof HttpDependencySchema>;
export type Environment = z.infer<typeof EnvironmentSchema>;
export type ConsumedEvent = z.infer<typeof ConsumedEventSchema>;
