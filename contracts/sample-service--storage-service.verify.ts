import { LOCATION_ASSIGNED } from '../stack/events/storage-events.ts';
import type { ContractVerification } from './verify/contract-verification.ts';
import { seedStorageRoom } from './verify/seeds.ts';
import { MESSAGES } from './interactions.ts';
import { STATES } from './provider-states.ts';

/** storage-service verifies sample-service's pact: a location with room; the event from the real producer. */
export const verification: ContractVerification = {
  consumer: 'sample-service',
  provider: 'storage-service',
  states: { [STATES.storageHasRoom]: seedStorageRoom },
  messages: { [MESSAGES.locationAssigned]: (hook) => hook.produce(LOCATION_ASSIGNED) },
};
