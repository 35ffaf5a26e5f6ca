import { JOB_COMPLETED } from '../stack/events/sequencing-events.ts';
import type { ContractVerification } from './verify/contract-verification.ts';
import { MESSAGES } from './interactions.ts';

/** sequencing-service verifies notification-service's pact with the event its real producer builds. */
export const verification: ContractVerification = {
  consumer: 'notification-service',
  provider: 'sequencing-service',
  states: {},
  messages: { [MESSAGES.jobCompleted]: (hook) => hook.produce(JOB_COMPLETED) },
};
