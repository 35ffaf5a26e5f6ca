import { baseOf } from './files.ts';
import { valueAt } from './issues.ts';
import type { SchemaDocument } from './registry.ts';

/** A schema node and the document it sits in (its `$ref`s resolve against the document). */
export interface SchemaAt {
  readonly node: unknown;
  readonly doc: SchemaDocument;
}

/**
 * What a schema node says about one value, with `$ref` and `allOf` followed and merged: enough to
 * choose a matcher. The first part that gives a keyword wins; `required` is the union.
 */
export interface SchemaView {
  readonly types?: readonly string[];
  readonly properties: Readonly<Record<string, SchemaAt>>;
  readonly required: ReadonlySet<string>;
  /** The one schema every item satisfies (`items` as a schema; tuples leave it undefined). */
  readonly items?: SchemaAt;
  readonly minItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: { readonly value: unknown };
  readonly format?: string;
  readonly pattern?: string;
  /** The node has `anyOf`/`oneOf`: which branch a value takes is not known without validating it. */
  readonly alternatives: boolean;
}

/** Reads a schema file by URL (the registry's files). */
export type SchemaFileLookup = (url: string) => unknown;

type Json = Record<string, unknown>;

function isObject(node: unknown): node is Json {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

/** The node a `$ref` points at; throws naming the ref when it cannot be followed. */
export function followRef(ref: string, from: SchemaAt, lookup: SchemaFileLookup): SchemaAt {
  const target = new URL(ref, baseOf(from.doc.root, from.doc.url));
  const fragment = decodeURIComponent(target.hash.slice(1));
  target.hash = '';
  const here = new URL(from.doc.url);
  here.hash = '';
  const root = target.href === here.href ? from.doc.root : lookup(target.href);
  if (root === undefined) throw new Error(`$ref "${ref}": no such schema file was read`);
  if (fragment !== '' && !fragment.startsWith('/')) throw new Error(`$ref "${ref}": only JSON-pointer fragments (#/...) are followed`);
  const node = valueAt(root, fragment);
  if (node === undefined) throw new Error(`$ref "${ref}": nothing at "${fragment}"`);
  return { node, doc: root === from.doc.root ? from.doc : { url: target.href, root } };
}

/** Every part a node is made of: itself, what its `$ref` points at, and its `allOf` branches (recursively). */
function parts(at: SchemaAt, lookup: SchemaFileLookup, seen: Set<unknown>): { own: Json; at: SchemaAt }[] {
  if (!isObject(at.node) || seen.has(at.node)) return [];
  seen.add(at.node);
  const own = at.node;
  const fromRef = typeof own['$ref'] === 'string' ? parts(followRef(own['$ref'], at, lookup), lookup, seen) : [];
  const fromAll = Array.isArray(own['allOf']) ? own['allOf'].flatMap((node) => parts({ node, doc: at.doc }, lookup, seen)) : [];
  return [{ own, at }, ...fromRef, ...fromAll];
}

function first<T>(list: readonly { own: Json }[], pick: (own: Json) => T | undefined): T | undefined {
  for (const { own } of list) {
    const value = pick(own);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The merged view of a node (`true`, `{}` and unknown keywords say nothing: an empty view). */
export function viewOf(at: SchemaAt, lookup: SchemaFileLookup): SchemaView {
  const list = parts(at, lookup, new Set());
  const properties: Record<string, SchemaAt> = {};
  const required = new Set<string>();
  for (const { own, at: where } of list) {
    if (isObject(own['properties'])) {
      for (const [name, node] of Object.entries(own['properties'])) if (!Object.hasOwn(properties, name)) properties[name] = { node, doc: where.doc };
    }
    if (Array.isArray(own['required'])) for (const name of own['required']) if (typeof name === 'string') required.add(name);
  }
  const itemsOwner = list.find(({ own }) => isObject(own['items']) || own['items'] === true);
  const types = first(list, (o) => (typeof o['type'] === 'string' ? [o['type']] : Array.isArray(o['type']) ? (o['type'] as string[]) : undefined));
  const minItems = first(list, (o) => (typeof o['minItems'] === 'number' ? o['minItems'] : undefined));
  const enumValues = first(list, (o) => (Array.isArray(o['enum']) ? (o['enum'] as unknown[]) : undefined));
  const constant = first(list, (o) => (Object.hasOwn(o, 'const') ? { value: o['const'] } : undefined));
  const format = first(list, (o) => (typeof o['format'] === 'string' ? o['format'] : undefined));
  const pattern = first(list, (o) => (typeof o['pattern'] === 'string' ? o['pattern'] : undefined));
  return {
    properties,
    required,
    alternatives: list.some(({ own }) => Array.isArray(own['anyOf']) || Array.isArray(own['oneOf'])),
    ...(types ? { types } : {}),
    ...(itemsOwner ? { items: { node: itemsOwner.own['items'], doc: itemsOwner.at.doc } } : {}),
    ...(minItems !== undefined ? { minItems } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
    ...(constant ? { const: constant } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
  };
}
