import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import { describeIssues } from '../json-schema/issues.ts';
import { INLINE_AT, SchemaRegistry, type SchemaRef } from '../json-schema/registry.ts';
import type { Catalog } from './schema.ts';

/** One place the catalog names a JSON Schema, and the examples that must satisfy it. */
export interface SchemaSite {
  /** `services[2].endpoints[0].schema` */
  readonly where: string;
  readonly ref: SchemaRef;
  readonly examples: ReadonlyArray<{ readonly where: string; readonly value: unknown }>;
  /** Replaces the reference in the catalog (the loader makes paths absolute). */
  set(ref: SchemaRef): void;
}

type Holder = { schema?: SchemaRef | undefined };

function site(where: string, holder: Holder, examples: SchemaSite['examples'] = []): SchemaSite[] {
  const ref = holder.schema;
  return ref === undefined ? [] : [{ where: `${where}.schema`, ref, examples, set: (r) => void (holder.schema = r) }];
}

/** Every JSON Schema the catalog references: defaults, health, key endpoints, HTTP dependency examples, published events. */
export function schemaSites(catalog: Catalog): SchemaSite[] {
  const fromDefaults = catalog.defaults?.health ? site('defaults.health', catalog.defaults.health) : [];
  return [
    ...fromDefaults,
    ...catalog.services.flatMap((service, i) => {
      const at = `services[${i}]`;
      return [
        ...(service.health ? site(`${at}.health`, service.health) : []),
        ...service.endpoints.flatMap((e, j) => site(`${at}.endpoints[${j}]`, e, e.example === undefined ? [] : [{ where: `${at}.endpoints[${j}].example`, value: e.example }])),
        ...service.dependencies.http.flatMap((d, j) => {
          const response = d.example?.response;
          const where = `${at}.dependencies.http[${j}].example.response`;
          return response ? site(where, response, response.body === undefined ? [] : [{ where: `${where}.body`, value: response.body }]) : [];
        }),
        ...service.dependencies.publishes.flatMap((p, j) => site(`${at}.dependencies.publishes[${j}]`, p, p.example === undefined ? [] : [{ where: `${at}.dependencies.publishes[${j}].example`, value: p.example }])),
      ];
    }),
  ];
}

/**
 * Makes every schema reference independent of the working directory: a file path becomes absolute
 * (resolved against the catalog file's folder), and an inline schema gets an `$id` in that folder,
 * so its relative `$ref`s find the files beside the catalog and failures can say where it was written.
 */
export function anchorSchemaRefs(catalog: Catalog, catalogFile: string): void {
  const file = resolve(catalogFile);
  for (const s of schemaSites(catalog)) {
    if (typeof s.ref === 'string') s.set(isAbsolute(s.ref) ? s.ref : resolve(dirname(file), s.ref));
    else if (typeof s.ref['$id'] !== 'string') s.set({ $id: `${pathToFileURL(file).href}?${INLINE_AT}=${encodeURIComponent(s.where)}`, ...s.ref });
  }
}

/**
 * Compiles every schema the catalog references and checks every example against its schema.
 * Each problem is one line naming the catalog field (and the file), reported once.
 */
export function compileCatalogSchemas(catalog: Catalog, baseDir: string): { registry: SchemaRegistry; problems: string[] } {
  const registry = new SchemaRegistry(baseDir);
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const s of schemaSites(catalog)) {
    const added = registry.add(s.ref);
    if (!added.schema) {
      for (const p of added.problems.filter((p) => !reported.has(p))) problems.push(`${s.where}: ${p}`), reported.add(p);
      continue;
    }
    for (const example of s.examples) {
      const issues = added.schema.check(example.value);
      if (issues.length > 0) problems.push(`${example.where}: does not match ${added.schema.name}: ${describeIssues(issues)}`);
    }
  }
  return { registry, problems };
}

const compiled = new WeakMap<Catalog, SchemaRegistry>();

/** The loader's compiled schemas for this catalog, kept so a run compiles them once. */
export function rememberSchemas(catalog: Catalog, registry: SchemaRegistry): void {
  compiled.set(catalog, registry);
}

/**
 * The compiled schemas of a catalog: the loader's, or (for a catalog built in code) compiled now
 * against the working directory. A schema problem is a ConfigError (exit 2) naming the field.
 */
export function catalogSchemas(catalog: Catalog): SchemaRegistry {
  const known = compiled.get(catalog);
  if (known) return known;
  const { registry, problems } = compileCatalogSchemas(catalog, process.cwd());
  if (problems.length > 0) throw new ConfigError(`catalog ${catalog.system}: unusable JSON Schema${problems.length === 1 ? '' : 's'}`, problems);
  compiled.set(catalog, registry);
  return registry;
}
