import { SAMPLE_CREATED } from '../stack/events/sample-events.ts';
import type { ContractVerification } from './verify/contract-verification.ts';
import { MESSAGES } from './interactions.ts';

/** sample-service verifies the bus's pact with the sample.created its real producer builds. */
export const verification: ContractVerification = {
  consumer: 'event-service',
  provider: 'sample-service',
  states: {},
  messages: { [MESSAGES.sampleCreated]: (hook) => hook.produce(SAMPLE_CREATED) },
};
