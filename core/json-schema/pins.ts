import { enumRegex, FORMAT_REGEXES, unsupportedPattern } from './pin-regexes.ts';
import { viewOf, type SchemaAt, type SchemaFileLookup, type SchemaView } from './schema-view.ts';

/**
 * How a contract pins one value of an example, decided by its JSON Schema: by type, as a number kind,
 * by regex (formats, patterns, enums of strings), exactly (`const`, one-value enums), field by field
 * (objects) or item by item (arrays). A value the schema does not pin is left out (undefined).
 */
export type Pin =
  | { readonly by: 'type'; readonly value: unknown }
  | { readonly by: 'integer' | 'number'; readonly value: number }
  | { readonly by: 'boolean'; readonly value: boolean }
  | { readonly by: 'null' }
  | { readonly by: 'regex'; readonly regex: string; readonly value: string }
  | { readonly by: 'equal'; readonly value: unknown }
  | { readonly by: 'object'; readonly fields: Readonly<Record<string, Pin>> }
  | { readonly by: 'each'; readonly min: number; readonly item: Pin };

/** A value that cannot be pinned as its schema says: where (JSON pointer under the example) and why. */
export class PinProblem extends Error {
  readonly pointer: string;
  constructor(pointer: string, message: string) {
    super(message);
    this.pointer = pointer;
  }
}

interface Walk {
  readonly lookup: SchemaFileLookup;
  readonly pointer: string;
}

const here = (walk: Walk, token: string | number): Walk => ({ ...walk, pointer: `${walk.pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}` });

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function regexPin(walk: Walk, regex: string, value: unknown, what: string): Pin {
  const text = String(value);
  if (!new RegExp(regex, 'u').test(text)) throw new PinProblem(walk.pointer, `${JSON.stringify(text)} does not match the regex pinning ${what} (${regex})`);
  return { by: 'regex', regex, value: text };
}

function enumPin(walk: Walk, values: readonly unknown[], value: unknown): Pin | undefined {
  if (values.length === 1) return { by: 'equal', value: values[0] };
  if (values.every((v) => typeof v === 'string')) return regexPin(walk, enumRegex(values as string[]), value, 'its enum');
  const kinds = new Set(values.map(jsonType));
  if (kinds.size === 1) return scalarPin(value, [...kinds][0]!);
  return [...kinds].every((k) => k === 'integer' || k === 'number') ? scalarPin(value, 'number') : undefined;
}

/** A boolean, integer or number pinned as that kind (a `number` schema takes integers too, so it is not pinned as an integer). */
function scalarPin(value: unknown, type: string): Pin | undefined {
  if (type === 'boolean' && typeof value === 'boolean') return { by: 'boolean', value };
  if (type === 'integer' && Number.isInteger(value)) return { by: 'integer', value: value as number };
  if (type === 'number' && typeof value === 'number') return { by: 'number', value };
  return undefined;
}

function stringPin(walk: Walk, view: SchemaView, value: unknown): Pin {
  if (view.pattern !== undefined) {
    const why = unsupportedPattern(view.pattern);
    if (why) throw new PinProblem(walk.pointer, why);
    return regexPin(walk, view.pattern, value, 'its pattern');
  }
  const formatRegex = view.format === undefined ? undefined : FORMAT_REGEXES[view.format];
  return formatRegex ? regexPin(walk, formatRegex, value, `format "${view.format}"`) : { by: 'type', value };
}

function objectPin(walk: Walk, view: SchemaView, value: Record<string, unknown>, only?: readonly string[]): Pin {
  const fields: Record<string, Pin> = {};
  for (const name of only ?? [...view.required]) {
    if (!Object.hasOwn(value, name)) continue;
    const schema = view.properties[name];
    const pin = schema ? pinValue(schema, value[name], here(walk, name)) : only ? { by: 'type' as const, value: value[name] } : undefined;
    if (pin) fields[name] = pin;
  }
  return { by: 'object', fields };
}

function arrayPin(walk: Walk, view: SchemaView, value: unknown[]): Pin | undefined {
  if (!view.items || value.length === 0) return undefined;
  const item = pinValue(view.items, value[0], here(walk, 0));
  return item ? { by: 'each', min: view.minItems ?? 0, item } : undefined;
}

function viewAt(at: SchemaAt, walk: Walk): SchemaView {
  try {
    return viewOf(at, walk.lookup);
  } catch (err) {
    throw new PinProblem(walk.pointer, (err as Error).message);
  }
}

function pinValue(at: SchemaAt, value: unknown, walk: Walk): Pin | undefined {
  const view = viewAt(at, walk);
  if (view.alternatives) return undefined;
  if (view.const) return { by: 'equal', value: view.const.value };
  if (view.types && view.types.length > 1) return undefined;
  if (view.enum) return enumPin(walk, view.enum, value);
  const type = view.types?.[0] ?? (Object.keys(view.properties).length > 0 || view.required.size > 0 ? 'object' : view.items ? 'array' : view.pattern !== undefined || view.format !== undefined ? 'string' : undefined);
  switch (type) {
    case 'null': return { by: 'null' };
    case 'boolean':
    case 'integer':
    case 'number': return scalarPin(value, type);
    case 'string': return typeof value === 'string' ? stringPin(walk, view, value) : undefined;
    case 'object': return jsonType(value) === 'object' ? objectPin(walk, view, value as Record<string, unknown>) : undefined;
    case 'array': return Array.isArray(value) ? arrayPin(walk, view, value) : undefined;
    default: return undefined;
  }
}

export interface PinOptions {
  /** Pin exactly these top-level fields (what a consumer reads), listed by the schema or not; default: the required ones. */
  readonly fields?: readonly string[];
}

/**
 * The pins for an example under its schema. Without `fields`, an object pins its required properties
 * (optional ones may be omitted by a provider; unlisted ones are not pinned), recursively; a value whose
 * schema admits several types (null among them) or alternatives (`anyOf`/`oneOf`) is not pinned. Without a
 * schema the example is pinned by type throughout. A pattern Pact cannot run, or an example its pin would
 * reject, throws a PinProblem naming the JSON pointer.
 */
export function pinExample(schema: SchemaAt | undefined, value: unknown, lookup: SchemaFileLookup, options: PinOptions = {}): Pin | undefined {
  const walk: Walk = { lookup, pointer: '' };
  const only = options.fields;
  if (!schema) {
    if (!only || jsonType(value) !== 'object') return { by: 'type', value };
    const record = value as Record<string, unknown>;
    return { by: 'object', fields: Object.fromEntries(only.filter((f) => Object.hasOwn(record, f)).map((f) => [f, { by: 'type', value: record[f] }])) };
  }
  if (!only) return pinValue(schema, value, walk);
  const view = viewAt(schema, walk);
  return jsonType(value) === 'object' ? objectPin(walk, view, value as Record<string, unknown>, only) : undefined;
}
