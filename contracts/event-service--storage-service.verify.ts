import { LOCATION_ASSIGNED, LOCATION_RELEASED } from '../stack/events/storage-events.ts';
import type { ContractVerification } from './verify/contract-verification.ts';
import { MESSAGES } from './interactions.ts';

/** storage-service verifies the bus's pact with the events its real producer builds. */
export const verification: ContractVerification = {
  consumer: 'event-service',
  provider: 'storage-service',
  states: {},
  messages: {
    [MESSAGES.locationAssigned]: (hook) => hook.produce(LOCATION_ASSIGNED),
    [MESSAGES.locationReleased]: (hook) => hook.produce(LOCATION_RELEASED),
  },
};
