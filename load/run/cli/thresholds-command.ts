import { catalogPath, loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { parseSettings } from '../resolve-settings.ts';
import { scenarioRules } from '../scenario-rules.ts';
import type { LoadOptions } from '../settings.ts';
import { generateThresholds } from '../thresholds/generate.ts';
import { renderK6Thresholds } from '../thresholds/spec.ts';

/** `load thresholds`: the k6 thresholds the catalog's SLOs give, as JSON for `k6 run --env THRESHOLDS=...`. */
export function thresholdsCommand(flags: { env: string; scenario: string }, catalog: string | undefined): void {
  const resolved = resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env);
  const s = parseSettings({ scenario: flags.scenario as LoadOptions['scenario'] });
  const specs = generateThresholds(resolved, { entryService: s.entryService, set: scenarioRules(s.scenario).thresholds, droppedIterationsMax: s.droppedIterationsMax });
  process.stdout.write(`${JSON.stringify(renderK6Thresholds(specs))}\n`);
}
