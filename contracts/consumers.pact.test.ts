import { describe, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { pactFor } from './consumer/pact-for.ts';
import { CONSUMERS } from './consumers.ts';

/**
 * The consumer contracts as vitest tests (project `contracts`): the same modules and cases that
 * `tracseq-validate contracts consumer` runs without vitest, one test per case, writing to the pacts folder.
 */
const catalog = loadCatalog();

for (const contract of CONSUMERS) {
  describe(`${contract.consumer} -> ${contract.provider} (${contract.title})`, () => {
    const pact = pactFor(contract.consumer, contract.provider);
    for (const c of contract.cases(catalog)) {
      it(c.name, async () => {
        await c.run(pact, c.description);
      });
    }
  });
}
