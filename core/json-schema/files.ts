import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a file as text; throws with a Node error code (ENOENT, EISDIR, ...). Injected by tests. */
export type ReadText = (path: string) => string;

export interface SchemaFiles {
  /** file URL -> parsed JSON, for every file reached. */
  readonly files: Map<string, unknown>;
  /** One line each: what is wrong, naming the file (as `display` shows it). */
  readonly problems: string[];
}

/** Every `$ref` string in a JSON document (outside of `const`/`enum`/`examples` data there is no way to tell, so all). */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else refsIn(value, out);
    }
  }
  return out;
}

/** The base a document's relative refs resolve against: its own `$id`, else where it was found. */
export function baseOf(json: unknown, url: string): string {
  const id = json !== null && typeof json === 'object' ? (json as { $id?: unknown }).$id : undefined;
  return typeof id === 'string' ? new URL(id, url).href : url;
}

/** The files a document's `$ref`s point to, with the ref as written (fragments dropped; same-document refs left out). */
export function referencedFiles(json: unknown, url: string): Array<{ ref: string; url: string }> {
  const base = baseOf(json, url);
  const seen = new Map<string, string>();
  for (const ref of refsIn(json).filter((r) => !r.startsWith('#'))) {
    const target = new URL(ref, base);
    target.hash = '';
    if (!seen.has(target.href)) seen.set(target.href, ref);
  }
  return [...seen].map(([target, ref]) => ({ ref, url: target }));
}

function parseFile(url: string, read: ReadText, display: (url: string) => string): { json?: unknown; problem?: string } {
  let text: string;
  try {
    text = read(fileURLToPath(url));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: code === 'ENOENT' ? `no such file ${display(url)} (looked for ${fileURLToPath(url)})` : `cannot read ${display(url)} (${code})` };
  }
  try {
    return { json: JSON.parse(text) };
  } catch (err) {
    return { problem: `${display(url)} is not valid JSON: ${(err as Error).message.split('\n')[0]}` };
  }
}

/**
 * Reads the schema file at `url` and, transitively, every file its `$ref`s name. A ref to a
 * remote URL is refused (a run never fetches schemas from the network).
 */
export function readSchemaFiles(url: string, display: (url: string) => string, known: ReadonlyMap<string, unknown> = new Map(), read: ReadText = (p) => readFileSync(p, 'utf8')): SchemaFiles {
  const files = new Map<string, unknown>();
  const problems: string[] = [];
  const queue: Array<{ url: string; from?: { url: string; ref: string } }> = [{ url }];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (files.has(next.url) || known.has(next.url)) continue;
    if (!next.url.startsWith('file:')) {
      problems.push(`${display(next.from?.url ?? next.url)}: $ref "${next.from?.ref ?? next.url}" is not a local file (schemas are read from files beside the catalog, never fetched)`);
      continue;
    }
    const parsed = parseFile(next.url, read, display);
    if (parsed.problem !== undefined) {
      problems.push(next.from ? `${display(next.from.url)}: $ref "${next.from.ref}": ${parsed.problem}` : parsed.problem);
      continue;
    }
    files.set(next.url, parsed.json);
    for (const ref of referencedFiles(parsed.json, next.url)) queue.push({ url: ref.url, from: { url: next.url, ref: ref.ref } });
  }
  return { files, problems };
}
