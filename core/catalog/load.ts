import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.ts';
import { formatIssues } from '../zod-issues.ts';
import { mergeDefaults } from './defaults.ts';
import { catalogRules } from './rules.ts';
import { CatalogSchema, type Catalog } from './schema.ts';
import { plannedInteractions } from './example-pins.ts';
import { anchorSchemaRefs, compileCatalogSchemas, rememberSchemas } from './schemas.ts';
import { documentValue, lineOf } from '../yaml-doc.ts';

/** The catalog shipped with the harness; `--catalog FILE` or TRACSEQ_CATALOG choose another. */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL('../../catalog/tracseq.yaml', import.meta.url));

export function catalogPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env['TRACSEQ_CATALOG'] ?? DEFAULT_CATALOG_PATH;
}

function invalid(file: string, problems: readonly string[]): ConfigError {
  return new ConfigError(`${file}: invalid catalog (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems);
}

/**
 * Parses catalog text: YAML, `defaults:` merged under the http services, the zod schema, the
 * cross-field rules, then every JSON Schema it references (files relative to `file`'s folder)
 * compiled once, every example checked against its schema and planned as generated pacts would pin
 * it. Every problem is collected; a
 * ConfigError (exit 2) lists them all as `path.to.field: message`.
 */
export function parseCatalog(text: string, file: string): Catalog {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      `${file}: not valid YAML`,
      doc.errors.map((e) => `${file}:${(e.linePos?.[0]?.line ?? lineOf(text, e.pos[0]))}: ${e.message.split('\n')[0]}`),
    );
  }
  const parsed = CatalogSchema.safeParse(mergeDefaults(documentValue(doc, file)));
  if (!parsed.success) throw invalid(file, formatIssues(parsed.error));
  const catalog = parsed.data;
  const problems = catalogRules.flatMap((rule) => rule(catalog));
  anchorSchemaRefs(catalog, file);
  const schemas = compileCatalogSchemas(catalog, dirname(file));
  problems.push(...schemas.problems);
  // What generated pacts would pin of each example (a pattern Pact cannot run is named here, not mid-run).
  if (schemas.problems.length === 0) problems.push(...plannedInteractions(catalog, schemas.registry).problems);
  if (problems.length > 0) throw invalid(file, problems);
  rememberSchemas(catalog, schemas.registry);
  return catalog;
}

export function loadCatalog(file: string = catalogPath()): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${file}: cannot read catalog (${code})`);
  }
  return parseCatalog(text, file);
}
