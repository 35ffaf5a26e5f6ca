import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { providerList, verifyOptions } from './verify-options.ts';

const catalog = loadCatalog();

describe('contracts verify flags', () => {
  it('verifies the default folder without regenerating when no source is given', () => {
    expect(verifyOptions({}, catalog, {})).toMatchObject({ useExistingPacts: true, pactsDir: undefined, broker: undefined });
  });

  it('uses the broker from PACT_BROKER_BASE_URL only when --pacts is not given', () => {
    const env = { PACT_BROKER_BASE_URL: 'https://broker.example' };
    expect(verifyOptions({}, catalog, env).broker).toBe('https://broker.example');
    expect(verifyOptions({ pacts: '/tmp/p' }, catalog, env)).toMatchObject({ broker: undefined, pactsDir: '/tmp/p' });
    expect(verifyOptions({ broker: 'http://127.0.0.1:9292' }, catalog, env).broker).toBe('http://127.0.0.1:9292');
  });

  it('refuses --pacts together with --broker', () => {
    expect(() => verifyOptions({ pacts: 'p', broker: 'http://b' }, catalog, {})).toThrow('give --pacts DIR or --broker URL, not both');
  });

  it('accepts repeated and comma-separated providers and names an unknown one with the valid ones', () => {
    expect(providerList(['sample-service,storage-service', 'auth-service'])).toEqual(['sample-service', 'storage-service', 'auth-service']);
    expect(providerList([])).toBeUndefined();
    expect(() => verifyOptions({ provider: ['template-service'] }, catalog, {})).toThrow(
      '--provider: "template-service" provides no contract in the catalog (providers: auth-service, notification-service, sample-service, sequencing-service, storage-service)',
    );
  });
});
