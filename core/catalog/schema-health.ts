import { z } from 'zod';
import { httpStatus, regexSource, SchemaRefSchema, urlPath } from './schema-parts.ts';

/** The health expectation's fields without defaults (the shape `defaults.health` takes). */
const fields = {
  /** GET this path. */
  path: urlPath,
  /** TracSeq's detailed format (a `dependencies` map); optional. */
  detailed: urlPath,
  /** Expected HTTP status. */
  status: httpStatus,
  /** json: a state word in `field`; text: the body must match `match`; none: status only. */
  body: z.enum(['json', 'text', 'none']),
  /** body text: a regular expression the body must match. */
  match: regexSource,
  /** body json: the dotted path of the field that says the state; null: no state field (schema and JSON only). */
  field: z.string().min(1).nullable(),
  /** body json: words meaning healthy. */
  healthy: z.array(z.string().min(1)).min(1, 'give at least one word that means healthy'),
  /** body json: words meaning degraded (a warning). */
  degraded: z.array(z.string().min(1)),
  /** body json: a JSON Schema the body must also satisfy. */
  schema: SchemaRefSchema,
};

/** What a healthy answer looks like. Nothing given = TracSeq's: JSON, `status` is `healthy` (or `degraded`: a warning). */
export const HealthSchema = z.strictObject({
  path: fields.path.default('/health'),
  detailed: fields.detailed.optional(),
  status: fields.status.default(200),
  body: fields.body.default('json'),
  match: fields.match.optional(),
  field: fields.field.default('status'),
  healthy: fields.healthy.default(['healthy']),
  degraded: fields.degraded.default(['degraded']),
  schema: fields.schema.optional(),
});

/** What a key endpoint answers: a JSON body, a text body (an exporter's page, a status page) or nothing to read. */
export const EndpointResponseSchema = z.enum(['json', 'text', 'none']);

export const MetricsFields = {
  path: urlPath,
  /** Metric names /metrics must expose. */
  required: z.array(z.string().min(1)),
};

export const MetricsSchema = z.strictObject({ path: MetricsFields.path.default('/metrics'), required: MetricsFields.required.default([]) });

/**
 * `defaults:` merged under every `kind: http` service before its own defaults apply (the service's
 * own values win, field by field). No defaults here: a field left out is left to the service.
 */
export const CatalogDefaultsSchema = z.strictObject({
  health: z.strictObject(fields).partial().optional(),
  metrics: z.strictObject(MetricsFields).partial().optional(),
  endpoint: z.strictObject({ budgetMs: z.number().positive(), status: httpStatus, auth: z.boolean(), response: EndpointResponseSchema }).partial().optional(),
});

export type Health = z.infer<typeof HealthSchema>;
export type CatalogDefaults = z.infer<typeof CatalogDefaultsSchema>;
