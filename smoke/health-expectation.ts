import type { Health } from '../core/catalog/schema.ts';
import type { CompiledSchema, SchemaRegistry } from '../core/json-schema/registry.ts';

/** A service's health expectations, ready to judge an answer with (regex compiled, schema compiled). */
export interface HealthExpectation {
  status: number;
  body: Health['body'];
  match?: RegExp;
  /** Dotted path of the state field; null: the JSON (and schema) alone decide. */
  field: string | null;
  healthy: readonly string[];
  degraded: readonly string[];
  schema?: CompiledSchema;
}

export function healthExpectation(health: Health, schemas: SchemaRegistry): HealthExpectation {
  return {
    status: health.status,
    body: health.body,
    ...(health.match === undefined ? {} : { match: new RegExp(health.match) }),
    field: health.field,
    healthy: health.healthy,
    degraded: health.degraded,
    ...(health.schema === undefined ? {} : { schema: schemas.get(health.schema) }),
  };
}

/** The value at a dotted path (`data.status`), or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
