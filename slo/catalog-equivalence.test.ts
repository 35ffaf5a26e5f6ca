import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { catalogSlos } from './catalog-slos.ts';
import type { Slo } from './model.ts';

/**
 * The shipped TracSeq catalog gives the same SLOs as before objectives existed: the snapshot was
 * taken from the code that built them in TypeScript (shorthands plus sampleProcessingP95Seconds
 * and queueDepthMax), with default labels and with --service-label job. Same SLOs, same PromQL,
 * same objectives and weights: the same verdicts on the same data.
 */
const before = JSON.parse(readFileSync(new URL('../testdata/slo/tracseq-slos-before.json', import.meta.url), 'utf8')) as { default: Slo[]; job: Slo[] };
const resolved = resolveCatalog(loadCatalog(), 'local', {});

describe('the TracSeq catalog expressed as objectives', () => {
  it('expands into exactly the SLOs the TypeScript shorthands made, query for query', () => {
    const now = catalogSlos(resolved);
    expect(now.map((s) => s.id)).toEqual(before.default.map((s) => s.id));
    expect(now).toEqual(before.default);
  });

  it('renames the service label everywhere, including the objectives written in the catalog', () => {
    expect(catalogSlos(resolved, { serviceLabel: 'job' })).toEqual(before.job);
  });
});
