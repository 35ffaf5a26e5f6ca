import type { ContractVerification } from './verify/contract-verification.ts';
import { seedStorageRoom } from './verify/seeds.ts';
import { STATES } from './provider-states.ts';

/** storage-service verifies sample-service's pact: a location with room; the event comes from the real producer. */
export const verification: ContractVerification = {
  consumer: 'sample-service',
  provider: 'storage-service',
  states: { [STATES.storageHasRoom]: seedStorageRoom },
};
