import { catalogEdges, edgeKey } from '../../core/catalog/edges.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { GateFailedError } from '../../core/errors.ts';
import { checkCoverage } from '../coverage/coverage.ts';
import { summarizePact } from '../coverage/pact-summary.ts';
import { assertCatalogProviders } from '../pact/catalog-providers.ts';
import { loadPacts } from '../pact/load-pacts.ts';

/** Prints which catalog edges the pacts in `dir` cover; an uncovered edge or an orphan interaction fails (exit 1). */
export async function coverageCommand(dir: string, catalog: Catalog, out: (text: string) => void): Promise<void> {
  const pacts = await loadPacts(dir);
  assertCatalogProviders(pacts, catalog);
  const result = checkCoverage(catalogEdges(catalog), pacts.map(summarizePact), catalog.services.map((s) => s.id));
  const lines = [
    ...result.covered.map(({ edge, interactions }) => `  ok   ${edgeKey(edge)}: ${interactions.length} interaction${interactions.length === 1 ? '' : 's'}`),
    ...result.uncovered.map((edge) => `  FAIL ${edgeKey(edge)}: no pact interaction`),
    ...result.orphans.map((o) => `  FAIL ${o.source}${o.description ? ` "${o.description}"` : ''}: ${o.reason}`),
    ...result.outside.map((p) => `  --   ${p.source}: consumer ${p.consumer} is not a catalog service (not counted)`),
  ];
  out([`coverage of ${dir} (${pacts.length} pact files)`, ...lines].join('\n'));
  const problems = result.uncovered.length + result.orphans.length;
  if (problems > 0) {
    throw new GateFailedError(`contracts coverage: ${result.uncovered.length} uncovered edge(s), ${result.orphans.length} interaction(s) or pact(s) with no edge`, result.uncovered.map(edgeKey));
  }
}
