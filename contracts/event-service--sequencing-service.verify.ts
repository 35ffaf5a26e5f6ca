import { JOB_COMPLETED, JOB_SUBMITTED } from '../stack/events/sequencing-events.ts';
import type { ContractVerification } from './verify/contract-verification.ts';
import { MESSAGES } from './interactions.ts';

/** sequencing-service verifies the bus's pact with the events its real producer builds. */
export const verification: ContractVerification = {
  consumer: 'event-service',
  provider: 'sequencing-service',
  states: {},
  messages: {
    [MESSAGES.jobSubmitted]: (hook) => hook.produce(JOB_SUBMITTED),
    [MESSAGES.jobCompleted]: (hook) => hook.produce(JOB_COMPLETED),
  },
};
