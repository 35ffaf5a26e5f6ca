import { loadCatalog } from '../../core/catalog/load.ts';
import { catalogSchemas } from '../../core/catalog/schemas.ts';
import type { CompiledSchema } from '../../core/json-schema/registry.ts';
import { describeIssues } from '../../core/json-schema/issues.ts';

/** A JSON Schema file of the shipped catalog (`tracseq/schemas/<name>`), compiled as smoke compiles it: stack tests hold the stack to the same schemas. */
export function tracseqSchema(name: string): CompiledSchema {
  return catalogSchemas(loadCatalog()).get(`tracseq/schemas/${name}`);
}

/** `body`, typed as the caller says, once it satisfies the catalog's schema file `name`; a mismatch throws naming the JSON pointer. */
export function valid<T = Record<string, unknown>>(name: string, body: unknown): T {
  const issues = tracseqSchema(name).check(body);
  if (issues.length > 0) throw new Error(`does not match tracseq/schemas/${name}: ${describeIssues(issues)}`);
  return body as T;
}
