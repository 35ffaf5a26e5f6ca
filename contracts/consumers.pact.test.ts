import { describe, expect, it } from 'vitest';
import { catalogEdges } from '../core/catalog/edges.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { pactFor } from './consumer/pact-for.ts';
import { consumersFor } from './consumers.ts';
import { busDescription } from './interactions.ts';

/**
 * The consumer contracts as vitest tests (project `contracts`): the same modules and cases that
 * `tracseq-validate contracts consumer` runs without vitest (the hand-written ones and any generated from
 * the catalog's examples), one test per case, writing to the pacts folder.
 */
const catalog = loadCatalog();
const contracts = consumersFor(catalog);

for (const contract of contracts) {
  describe(`${contract.consumer} -> ${contract.provider} (${contract.title})`, () => {
    const pact = pactFor(contract.consumer, contract.provider);
    for (const c of contract.cases(catalog)) {
      it(c.name, async () => {
        await c.run(pact, c.description);
      });
    }
  });
}

describe('the consumer contracts', () => {
  it('give the bus one case per event the catalog says each producer publishes', () => {
    const bus = contracts.filter((c) => c.consumer === catalog.events.bus);
    const described = bus.flatMap((c) => c.cases(catalog).map((k) => `${c.provider}: ${k.description}`)).sort();
    const edges = catalogEdges(catalog).filter((e) => e.consumer === catalog.events.bus);
    expect(described).toEqual(edges.map((e) => `${e.provider}: ${busDescription(e.name)}`).sort());
    expect(described).toHaveLength(5);
  });
});
