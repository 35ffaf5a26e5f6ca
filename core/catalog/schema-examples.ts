import { z } from 'zod';
import { httpStatus, SchemaRefSchema } from './schema-parts.ts';

/**
 * An example exchange on an HTTP dependency (spec section 7): what the consumer sends and what the
 * provider answers. Present => a generated pact interaction; `response.body` must satisfy `response.schema`.
 */
export const HttpExampleSchema = z.strictObject({
  /** Provider state the interaction needs (a name; the provider may ignore it when `seed` is not given). */
  state: z.string().min(1).optional(),
  /**
   * What puts the provider in `state`: the body its provider-state hook takes (`POST /__admin/seed`).
   * The generated pact carries it as the state's params; verification posts it before the request.
   */
  seed: z.record(z.string(), z.unknown()).optional(),
  request: z
    .strictObject({
      /** A value for each `{placeholder}` of the dependency's path (one path segment each). */
      params: z.record(z.string(), z.string().min(1)).optional(),
      /** Sent as JSON and pinned exactly: the provider is verified with this very body. */
      body: z.unknown().optional(),
      query: z.record(z.string(), z.string()).optional(),
      headers: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  response: z.strictObject({
    status: httpStatus.default(200),
    body: z.unknown().optional(),
    schema: SchemaRefSchema.optional(),
  }),
});

/** A published event: its name, and optionally an example payload and the JSON Schema it satisfies. */
const PublishedEventObject = z.strictObject({
  event: z.string().min(1),
  example: z.unknown().optional(),
  schema: SchemaRefSchema.optional(),
});

/** `sample.created` (a plain name) or `{ event: sample.created, example, schema }`; always the object form once parsed. */
export const PublishedEventSchema = z.preprocess((value) => (typeof value === 'string' ? { event: value } : value), PublishedEventObject);

export type HttpExample = z.infer<typeof HttpExampleSchema>;
export type PublishedEvent = z.infer<typeof PublishedEventObject>;

/** Catalog-level contract settings. */
export const ContractsSpecSchema = z.strictObject({
  /**
   * This system has the hand-written TracSeq consumer contracts (contracts/consumers.ts); they run, and win
   * over generated interactions of the same edge. Without them every pact is generated from the examples.
   */
  handWritten: z.boolean().default(false),
});
export type ContractsSpec = z.infer<typeof ContractsSpecSchema>;
