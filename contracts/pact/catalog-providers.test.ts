import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { ConfigError } from '../../core/errors.ts';
import { assertCatalogProviders } from './catalog-providers.ts';
import type { LoadedPact } from './pact-file.ts';

const pact = (consumer: string, provider: string): LoadedPact => ({ file: `pacts/${consumer}-${provider}.json`, hash: '0', pact: { consumer: { name: consumer }, provider: { name: provider }, interactions: [] } });
const catalog = loadCatalog();

describe('the providers of a pacts folder', () => {
  it('may be any catalog service, whoever the consumer is', () => {
    expect(() => assertCatalogProviders([pact('lab-ui', 'auth-service'), pact('api-gateway', 'sample-service')], catalog)).not.toThrow();
  });

  it('refuses (exit 2) a provider the catalog does not know, naming the first file, then the others', () => {
    try {
      assertCatalogProviders([pact('lab-ui', 'billing-service'), pact('api-gateway', 'sample-service'), pact('lab-ui', 'print-service')], catalog);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message).toBe('pacts/lab-ui-billing-service.json: provider "billing-service" is not a service of the tracseq catalog');
      expect((err as ConfigError).details).toEqual(['pacts/lab-ui-print-service.json: provider "print-service" is not a service of the tracseq catalog']);
    }
  });
});
