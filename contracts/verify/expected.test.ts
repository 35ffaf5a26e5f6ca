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
    metadata: { pactSpecification: { version: '4.0' } },
    interactions: [
      { type: 'Synchronous/HTTP', description: 'assign-location: x', providerStates: [{ name: 'room' }], request: { method: 'POST', path: '/x' }, response: { status: 201 } },
      { type: 'Asynchronous/Messages', description: 'storage.location_assigned: y', providerStates: [], contents: {} },
      { type: 'Synchronous/HTTP', description: 'assign-location: stateless', providerStates: [], request: { method: 'POST', path: '/x' }, response: { status: 201 } },
    ],
  },
};
const module: ContractVerification = { consumer: 'sample-service', provider: 'storage-service', states: { room: async () => {} }, messages: { 'storage.location_assigned: y': async () => ({}) } };

describe('what a pact asks a provider to verify', () => {
  it('lists each interaction with its consumer, provider and provider states', () => {
    expect(expectedInteractions(loaded)).toEqual([
      { consumer: 'sample-service', provider: 'storage-service', description: 'assign-location: x', providerStates: ['room'] },
      { consumer: 'sample-service', provider: 'storage-service', description: 'storage.location_assigned: y', providerStates: [] },
      { consumer: 'sample-service', provider: 'storage-service', description: 'assign-location: stateless', providerStates: [] },
    ]);
  });

  it('finds nothing missing when the verification module handles every state and message', () => {
    expect(loaded.pact.interactions.map((i) => unhandledReason(loaded, i.description, module))).toEqual([undefined, undefined, undefined]);
  });

  it('names a provider state without a setup and a message without a producer (the verifier would skip them silently)', () => {
    const bare: ContractVerification = { ...module, states: {}, messages: {} };
    expect(unhandledReason(loaded, 'assign-location: x', bare)).toBe('contracts/sample-service--storage-service.verify.ts has no setup for provider state "room"');
    expect(unhandledReason(loaded, 'storage.location_assigned: y', bare)).toBe('contracts/sample-service--storage-service.verify.ts has no producer for message "storage.location_assigned: y"');
    expect(unhandledReason(loaded, 'assign-location: x', undefined)).toBe('no provider verification module contracts/sample-service--storage-service.verify.ts');
    expect(unhandledReason(loaded, 'assign-location: stateless', undefined)).toBeUndefined();
  });
});
