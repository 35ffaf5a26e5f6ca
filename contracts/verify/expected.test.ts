import { describe, expect, it } from 'vitest';
import type { LoadedPact } from '../pact/pact-file.ts';
import type { ContractVerification } from './contract-verification.ts';
import { expectedInteractions, unhandledReason } from './expected.ts';

const loaded: LoadedPact = {
  file: 'pacts/a-b.json',
  hash: '0'.repeat(64),
  pact: {
    consumer: { name: 'sample-service' },
    provider: { name: 'storage-service' },
    interactions: [
      { type: 'Synchronous/HTTP', description: 'assign-location: x', providerStates: [{ name: 'room' }], request: { method: 'POST', path: '/x' }},
      { type: 'Asynchronous/Messages', description: 'storage.location_assigned: y', providerStates: [] },
      { type: 'Synchronous/HTTP', description: 'assign-location: stateless', providerStates: [], request: { method: 'POST', path: '/x' }},
    ],
  },
};
const module: ContractVerification = { consumer: 'sample-service', provider: 'storage-service', states: { room: async () => {} } };
const publishes = ['storage.location_assigned', 'storage.location_released'];

describe('what a pact asks a provider to verify', () => {
  it('lists each interaction with its consumer, provider and provider states', () => {
    expect(expectedInteractions(loaded)).toEqual([
      { consumer: 'sample-service', provider: 'storage-service', description: 'assign-location: x', providerStates: ['room'] },
      { consumer: 'sample-service', provider: 'storage-service', description: 'storage.location_assigned: y', providerStates: [] },
      { consumer: 'sample-service', provider: 'storage-service', description: 'assign-location: stateless', providerStates: [] },
    ]);
  });

  it('finds nothing missing when the module sets up every state and the catalog says the provider publishes every message', () => {
    expect(loaded.pact.interactions.map((i) => unhandledReason(loaded, i.description, module, publishes))).toEqual([undefined, undefined, undefined]);
  });

  it('names a provider state without a setup (the verifier would skip it silently)', () => {
    const bare: ContractVerification = { ...module, states: {} };
    expect(unhandledReason(loaded, 'assign-location: x', bare, publishes)).toBe('contracts/sample-service--storage-service.verify.ts has no setup for provider state "room"');
    expect(unhandledReason(loaded, 'assign-location: x', undefined, publishes)).toBe('no provider verification module contracts/sample-service--storage-service.verify.ts');
    expect(unhandledReason(loaded, 'assign-location: stateless', undefined, publishes)).toBeUndefined();
  });

  it('produces a message without a module, but names one whose event the catalog does not say the provider publishes', () => {
    expect(unhandledReason(loaded, 'storage.location_assigned: y', undefined, publishes)).toBeUndefined();
    expect(unhandledReason(loaded, 'storage.location_assigned: y', module, ['storage.location_released'])).toBe(
      'message "storage.location_assigned: y" names no event storage-service publishes (a description starts with "<event>: "; the catalog says it publishes storage.location_released)',
    );
    expect(unhandledReason(loaded, 'storage.location_assigned: y', module, [])).toMatch(/the catalog says it publishes nothing\)$/);
  });
});
