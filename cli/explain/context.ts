import type { Catalog, SchemaRef } from '../../core/catalog/schema.ts';
import type { SchemaRegistry } from '../../core/json-schema/registry.ts';

/** What every part of the catalog explanation reads. */
export interface ExplainContext {
  readonly catalog: Catalog;
  readonly schemas: SchemaRegistry;
  /** The weights of every loaded endpoint, added up. */
  readonly totalWeight: number;
}

/** A schema reference as the catalog names it: the file relative to the catalog's folder, or where the inline one was written. */
export function schemaName(ref: SchemaRef, ctx: ExplainContext): string {
  return ctx.schemas.get(ref).name;
}
