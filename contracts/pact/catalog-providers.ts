import type { Catalog } from '../../core/catalog/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import type { LoadedPact } from './pact-file.ts';

/**
 * Every pact's provider must be a catalog service: that is where its URL and provider-state hook come from.
 * Any consumer may have written the pact (a UI, another team's service). A ConfigError (exit 2) names the
 * first file and its provider; its details, every other such file.
 */
export function assertCatalogProviders(pacts: readonly LoadedPact[], catalog: Catalog): void {
  const ids = new Set(catalog.services.map((s) => s.id));
  const unknown = pacts.filter((p) => !ids.has(p.pact.provider.name));
  const [first] = unknown;
  if (!first) return;
  const line = (p: LoadedPact) => `${p.file}: provider "${p.pact.provider.name}" is not a service of the ${catalog.system} catalog`;
  throw new ConfigError(line(first), unknown.slice(1).map(line));
}
