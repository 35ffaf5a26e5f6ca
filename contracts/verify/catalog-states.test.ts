import { describe, expect, it } from 'vitest';
import { inlineCatalog } from '../../test/helpers/inline-catalog.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import { catalogStates, seedFromParams, verificationFor } from './catalog-states.ts';
import type { ContractVerification, StateHook } from './contract-verification.ts';
import { unhandledReason } from './expected.ts';

const catalog = inlineCatalog(`services:
  - id: a
    port: 1
    health: {}
    dependencies:
      http:
        - { to: b, name: get, method: GET, path: /x, example: { state: x exists, seed: { x: [1] }, response: { status: 200 } } }
        - { to: b, name: list, method: GET, path: /xs, example: { state: shared, response: { status: 200 } } }
  - id: c
    port: 3
    health: {}
    dependencies:
      http:
        - { to: b, name: other, method: GET, path: /y, example: { state: y exists, response: { status: 200 } } }
  - { id: b, port: 2, health: {} }
`);

const pact = (states: string[]): LoadedPact => ({
  file: 'pacts/a-b.json',
  hash: '0'.repeat(64),
  pact: { consumer: { name: 'a' }, provider: { name: 'b' }, interactions: [{ type: 'Synchronous/HTTP', description: 'get: x', providerStates: states.map((name) => ({ name })), request: { method: 'GET', path: '/x' } }] },
});

describe('provider states of generated pacts', () => {
  it('are the states the catalog examples of calls to a provider name, per consumer or all', () => {
    expect(catalogStates(catalog, 'b', 'a')).toEqual(['x exists', 'shared']);
    expect(catalogStates(catalog, 'b')).toEqual(['x exists', 'shared', 'y exists']);
    expect(catalogStates(catalog, 'a')).toEqual([]);
  });

  it('are set up by posting their params (the example seed) to the hook, and nothing when there are none', async () => {
    const seeded: unknown[] = [];
    const hook: StateHook = { provider: 'b', seed: async (body) => seeded.push(body), produce: async () => ({}), api: async () => ({}) };
    await seedFromParams(hook, { x: [1] });
    await seedFromParams(hook, {});
    expect(seeded).toEqual([{ x: [1] }]);
  });

  it('make a generated interaction verifiable without a module, while a hand-written setup of the same state wins', () => {
    const generated = verificationFor(catalog, 'a', 'b', undefined);
    expect(Object.keys(generated?.states ?? {})).toEqual(['x exists', 'shared']);
    expect(unhandledReason(pact(['x exists']), 'get: x', generated, [])).toBeUndefined();
    expect(unhandledReason(pact(['y exists']), 'get: x', generated, [])).toBe('contracts/a--b.verify.ts has no setup for provider state "y exists"');
    const own = async () => {};
    const module: ContractVerification = { consumer: 'a', provider: 'b', states: { shared: own } };
    expect(verificationFor(catalog, 'a', 'b', module)?.states['shared']).toBe(own);
    expect(verificationFor(catalog, 'b', 'a', undefined)).toBeUndefined();
  });
});
