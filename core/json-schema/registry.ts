import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import { createAjv, type ValidateFunction } from './ajv.ts';
import { readSchemaFiles, referencedFiles, type ReadText } from './files.ts';
import { describeIssues, schemaIssues, type SchemaIssue } from './issues.ts';

/** A catalog's reference to a JSON Schema: a file path (relative to the catalog's folder) or an inline schema. */
export type SchemaRef = string | Record<string, unknown>;

export interface CompiledSchema {
  /** How failures name it: `tracseq/schemas/sample-list.json`, or `the inline schema at services[0].endpoints[1].schema`. */
  readonly name: string;
  /** Every way `value` does not match; empty when it does. */
  check(value: unknown): SchemaIssue[];
}

/** The query an inline schema's `$id` carries (set by the catalog loader) to say where in the catalog it was written. */
export const INLINE_AT = 'inline-schema-at';

type Added = { schema: CompiledSchema; problems: [] } | { schema?: undefined; problems: string[] };

/** A schema's JSON as written, and the URL its relative `$ref`s resolve against (for readers of schemas, e.g. pact matchers). */
export interface SchemaDocument {
  readonly url: string;
  readonly root: unknown;
}

/**
 * Every JSON Schema of one catalog, compiled once by one ajv instance. File refs resolve against
 * `baseDir` (the catalog's folder); files may `$ref` each other by relative path. Problems (a missing
 * file, bad JSON, an invalid schema) come back as lines from `add`, or as a ConfigError from `get`.
 */
export class SchemaRegistry {
  readonly #ajv = createAjv();
  readonly #files = new Map<string, unknown>();
  readonly #compiled = new Map<string | object, Added>();
  readonly #baseDir: string;
  readonly #read: ReadText | undefined;

  constructor(baseDir: string, read?: ReadText) {
    this.#baseDir = resolve(baseDir);
    this.#read = read;
  }

  /** A file URL as failures show it: relative to the catalog's folder when inside it. */
  display = (url: string): string => {
    if (!url.startsWith('file:')) return url;
    const path = fileURLToPath(url);
    const rel = relative(this.#baseDir, path);
    return rel.startsWith('..') || rel === '' ? path : rel.split(sep).join('/');
  };

  add(ref: SchemaRef): Added {
    const key = typeof ref === 'string' ? pathToFileURL(resolve(this.#baseDir, ref)).href : typeof ref['$id'] === 'string' ? `inline:${ref['$id']}` : ref;
    const cached = this.#compiled.get(key);
    if (cached) return cached;
    const added = typeof ref === 'string' ? this.#addFile(key as string) : this.#addInline(ref);
    this.#compiled.set(key, added);
    return added;
  }

  get(ref: SchemaRef): CompiledSchema {
    const added = this.add(ref);
    if (added.schema) return added.schema;
    throw new ConfigError(`JSON Schema ${typeof ref === 'string' ? ref : 'inline'}: unusable`, added.problems);
  }

  /** The JSON `ref` names (compiled first); undefined when it is unusable. */
  document(ref: SchemaRef): SchemaDocument | undefined {
    if (!this.add(ref).schema) return undefined;
    if (typeof ref !== 'string') return { url: typeof ref['$id'] === 'string' ? ref['$id'] : pathToFileURL(`${this.#baseDir}${sep}`).href, root: ref };
    const url = pathToFileURL(resolve(this.#baseDir, ref)).href;
    return { url, root: this.#files.get(url) };
  }

  /** A schema file read while compiling, by file URL (undefined when none was). */
  file(url: string): unknown {
    return this.#files.get(url);
  }

  #load(url: string): string[] {
    const { files, problems } = readSchemaFiles(url, this.display, this.#files, this.#read);
    if (problems.length > 0) return problems;
    for (const [fileUrl, json] of files) {
      const via = fileUrl === url ? '' : ` (reached by $ref from ${this.display(url)})`;
      if (!this.#ajv.validateSchema(json as object)) return [`${this.display(fileUrl)}${via} is not a valid JSON Schema: ${describeIssues(schemaIssues(this.#ajv.errors, json))}`];
      this.#ajv.addSchema(json as object, fileUrl);
      this.#files.set(fileUrl, json);
    }
    return [];
  }

  #addFile(url: string): Added {
    const problems = this.#load(url);
    if (problems.length > 0) return { problems };
    return this.#compile(this.display(url), () => this.#ajv.getSchema(url));
  }

  #addInline(schema: Record<string, unknown>): Added {
    const id = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
    const where = id?.includes(INLINE_AT) ? new URL(id).searchParams.get(INLINE_AT) : null;
    const name = where ? `the inline schema at ${where}` : 'an inline schema';
    const base = id ?? pathToFileURL(`${this.#baseDir}${sep}`).href;
    const problems = referencedFiles(schema, base).flatMap((f) => this.#load(f.url).map((p) => `${name}: $ref "${f.ref}": ${p}`));
    if (problems.length > 0) return { problems };
    if (!this.#ajv.validateSchema(schema)) return { problems: [`${name} is not a valid JSON Schema: ${describeIssues(schemaIssues(this.#ajv.errors, schema))}`] };
    return this.#compile(name, () => this.#ajv.compile(schema));
  }

  #compile(name: string, compile: () => ValidateFunction | undefined): Added {
    try {
      const validate = compile();
      if (!validate) return { problems: [`${name}: no schema found`] };
      return { schema: { name, check: (value) => (validate(value) ? [] : schemaIssues(validate.errors, value)) }, problems: [] };
    } catch (err) {
      const message = (err as Error).message.split('\n')[0] ?? '';
      const hint = message.startsWith('strict mode: unknown keyword') ? ' (not a JSON Schema keyword: misspelt?)' : '';
      return { problems: [`${name} is not a valid JSON Schema: ${message}${hint}`] };
    }
  }
}
