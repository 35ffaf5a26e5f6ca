import type { ErrorObject } from './ajv.ts';

/** One way a value does not match a schema: where (a JSON pointer, `/data/0/barcode`) and what was expected. */
export interface SchemaIssue {
  readonly pointer: string;
  readonly message: string;
}

/** `~` and `/` escaped as RFC 6901 says. */
export function pointerToken(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The field an error is about: a missing or unexpected property is named itself, not its parent object. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  return child === undefined ? error.instancePath : `${error.instancePath}/${pointerToken(child)}`;
}

function messageOf(error: ErrorObject, data: unknown): string {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const base = error.message ?? `fails ${error.keyword}`;
  const allowed = params.allowedValues ? ` (${params.allowedValues.map(preview).join(', ')})` : params.allowedValue !== undefined && error.keyword === 'const' ? ` (${preview(params.allowedValue)})` : '';
  const missing = error.keyword === 'required' || error.keyword === 'dependentRequired';
  const got = missing || error.keyword === 'additionalProperties' ? '' : `, got ${preview(valueAt(data, error.instancePath))}`;
  return `${base}${allowed}${got}`;
}

/** ajv's errors as issues, most specific first as ajv reports them; composite keywords (anyOf, oneOf) come after their branches. */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined, data: unknown): SchemaIssue[] {
  return (errors ?? []).map((e) => ({ pointer: pointerOf(e), message: messageOf(e, data) }));
}

/** `/data/0/barcode: must be string, got 3 (+2 more)`: the first issue and how many others. */
export function describeIssues(issues: readonly SchemaIssue[]): string {
  const [first] = issues;
  if (!first) return 'does not match';
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `${first.pointer || '(root)'}: ${first.message}${more}`;
}
