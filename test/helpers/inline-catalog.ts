import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCatalog } from '../../core/catalog/load.ts';
import type { Catalog } from '../../core/catalog/schema.ts';

/** The head of a small test catalog: one `local` environment on loopback. */
export const CATALOG_HEAD = 'system: t\ncatalogVersion: 1\nenvironments:\n  local: { urlTemplate: "http://127.0.0.1:{port}" }\n';

/** Parses `CATALOG_HEAD` + `rest` (YAML from `services:` or `events:` on), as if written in a temp folder (inline schemas only). */
export function inlineCatalog(rest: string): Catalog {
  return parseCatalog(`${CATALOG_HEAD}${rest}`, join(tmpdir(), 'inline-catalog', 'catalog.yaml'));
}
