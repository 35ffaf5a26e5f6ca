import { catalogPath, loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { loadShape } from '../load-shape.ts';
import { parseSettings } from '../resolve-settings.ts';
import type { LoadOptions } from '../settings.ts';
import { generateThresholds } from '../thresholds/generate.ts';
import { renderK6Thresholds } from '../thresholds/spec.ts';

/**
 * `load thresholds`: the k6 thresholds the catalog's SLOs give a scenario (with `--endpoints`, the
 * endpoints scenario beside it), as JSON for `k6 run --env THRESHOLDS=...`: overall from the entry
 * service, and per service for every service the scenario sends requests to.
 */
export function thresholdsCommand(flags: { env: string; scenario: string; endpoints?: boolean }, catalog: string | undefined): void {
  const resolved = resolveCatalog(loadCatalog(catalogPath(catalog)), flags.env);
  const s = parseSettings({ scenario: flags.scenario as LoadOptions['scenario'], endpoints: flags.endpoints });
  const shape = loadShape(resolved, s);
  const specs = generateThresholds(resolved, { entryService: shape.entry, loaded: shape.loaded, set: shape.rules.thresholds, droppedIterationsMax: s.droppedIterationsMax });
  process.stdout.write(`${JSON.stringify(renderK6Thresholds(specs))}\n`);
}
