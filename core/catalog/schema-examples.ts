import { z } from 'zod';
import { httpStatus, SchemaRefSchema } from './schema-parts.ts';

/**
 * An example exchange on an HTTP dependency (spec section 7): what the consumer sends and what the
 * provider answers. Present => a generated pact interaction; `response.body` must satisfy `response.schema`.
 */
export const HttpExampleSchema = z.strictObject({
  /** Provider state the interaction needs. */
  state: z.string().min(1).optional(),
  request: z
    .strictObject({
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
