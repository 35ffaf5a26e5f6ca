import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './errors.ts';
import { documentValue, lineOf } from './yaml-doc.ts';
import { formatIssues } from './zod-issues.ts';

/**
 * Reading a file the harness is given (a baseline, a pact, a matrix, a profile, a config): read it,
 * parse it (JSON or YAML), check it with its zod schema. Every problem is a ConfigError (exit 2)
 * naming the file, and a schema problem lists every bad field as `file: path.to.field: message`.
 * `what` names the kind of file in the messages: `file: invalid baseline (2 problems)`.
 */

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'unreadable';
const cannotRead = (file: string, what: string, err: unknown, hint?: string) =>
  new ConfigError(`${file}: cannot read ${what} (${code(err)})${hint ? `; ${hint}` : ''}`);

/** `value` checked with `schema`; a ConfigError naming `source` and every bad field. */
export function checkWith<S extends z.ZodType>(schema: S, value: unknown, source: string, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = formatIssues(parsed.error, source);
  throw new ConfigError(`${source}: invalid ${what} (${details.length} problem${details.length === 1 ? '' : 's'})`, details);
}

/** JSON text checked with `schema`; `source` is the file (or the tool) the text came from. */
export function parseJson<S extends z.ZodType>(text: string, schema: S, source: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  return checkWith(schema, value, source, what);
}

/** YAML text (one document; an empty one is undefined) checked with `schema`. */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, source: string, what: string): z.output<S> {
  const doc = parseDocument(text, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) throw new ConfigError(`${source}: not valid YAML (line ${error.linePos?.[0]?.line ?? lineOf(text, error.pos[0])}: ${error.message.split('\n')[0]})`);
  return checkWith(schema, documentValue(doc, source) ?? undefined, source, what);
}

/** A file's text; `hint` says how to get the file when it cannot be read. */
export async function readText(file: string, what: string, hint?: string): Promise<string> {
  return readFile(file, 'utf8').catch((err: unknown) => {
    throw cannotRead(file, what, err, hint);
  });
}

export function readTextSync(file: string, what: string, hint?: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw cannotRead(file, what, err, hint);
  }
}

/** A JSON file checked with `schema`. */
export async function readJson<S extends z.ZodType>(file: string, schema: S, what: string, hint?: string): Promise<z.output<S>> {
  return parseJson(await readText(file, what, hint), schema, file, what);
}

/** A JSON file checked with `schema`, or undefined when the file does not exist. */
export async function readJsonIfExists<S extends z.ZodType>(file: string, schema: S, what: string): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw cannotRead(file, what, err);
  }
  return parseJson(text, schema, file, what);
}

/** A YAML (or JSON) file checked with `schema`. */
export async function readYaml<S extends z.ZodType>(file: string, schema: S, what: string, hint?: string): Promise<z.output<S>> {
  return parseYaml(await readText(file, what, hint), schema, file, what);
}
