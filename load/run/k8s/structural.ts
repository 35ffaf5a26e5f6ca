/**
 * A structural schema in the shape of a CRD's openAPIV3Schema (type, properties, required, items,
 * additionalProperties, enum, format), and a checker that judges a manifest as the API server does:
 * a field the schema does not name is pruned (reported here, since a pruned field is a silent
 * no-op), a wrong type or an enum miss is refused, a missing required field is refused.
 */
export type Structural =
  | { readonly type: 'object'; readonly properties?: Readonly<Record<string, Structural>>; readonly required?: readonly string[]; readonly additionalProperties?: Structural }
  | { readonly type: 'array'; readonly items: Structural }
  | { readonly type: 'string'; readonly enum?: readonly string[]; readonly pattern?: RegExp; readonly maxLength?: number; readonly format?: 'byte' }
  | { readonly type: 'integer'; readonly format?: 'int32'; readonly minimum?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'int-or-string' };

const INT32 = 2 ** 31;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return Number.isInteger(value) ? 'integer' : typeof value;
}

function objectProblems(schema: Extract<Structural, { type: 'object' }>, value: Record<string, unknown>, path: string): string[] {
  const out: string[] = [];
  for (const name of schema.required ?? []) if (!(name in value)) out.push(`${path}.${name}: required`);
  for (const [name, child] of Object.entries(value)) {
    const sub = schema.properties?.[name] ?? schema.additionalProperties;
    if (!sub) out.push(`${path}.${name}: unknown field (the API server would prune it)`);
    else out.push(...structuralProblems(sub, child, `${path}.${name}`));
  }
  return out;
}

/** Every problem as `path: what`; empty when the API server would keep the value as it is. */
export function structuralProblems(schema: Structural, value: unknown, path = ''): string[] {
  const got = kindOf(value);
  switch (schema.type) {
    case 'object':
      return got === 'object' ? objectProblems(schema, value as Record<string, unknown>, path) : [`${path}: must be an object, got ${got}`];
    case 'array':
      return got === 'array' ? (value as unknown[]).flatMap((item, i) => structuralProblems(schema.items, item, `${path}[${i}]`)) : [`${path}: must be an array, got ${got}`];
    case 'boolean':
      return got === 'boolean' ? [] : [`${path}: must be a boolean, got ${got}`];
    case 'int-or-string':
      return got === 'integer' || got === 'string' ? [] : [`${path}: must be an integer or a string, got ${got}`];
    case 'integer': {
      if (got !== 'integer') return [`${path}: must be an integer, got ${got}`];
      const n = value as number;
      if (schema.format === 'int32' && (n < -INT32 || n >= INT32)) return [`${path}: ${n} is out of int32 range`];
      return schema.minimum !== undefined && n < schema.minimum ? [`${path}: must be >= ${schema.minimum}`] : [];
    }
    case 'string': {
      if (got !== 'string') return [`${path}: must be a string, got ${got}`];
      const s = value as string;
      if (schema.enum && !schema.enum.includes(s)) return [`${path}: "${s}" is not one of ${schema.enum.join(', ')}`];
      if (schema.pattern && !schema.pattern.test(s)) return [`${path}: "${s}" does not match ${schema.pattern.source}`];
      if (schema.maxLength !== undefined && s.length > schema.maxLength) return [`${path}: longer than ${schema.maxLength}`];
      return schema.format === 'byte' && !BASE64.test(s) ? [`${path}: must be base64`] : [];
    }
  }
}
