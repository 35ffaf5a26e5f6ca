import type { ContractVerification } from './verify/contract-verification.ts';
import { seedQueuedJob } from './verify/seeds.ts';
import { STATES } from './provider-states.ts';

/** sequencing-service verifies the saga's pact: the job to cancel is seeded queued. */
export const verification: ContractVerification = {
  consumer: 'transaction-service',
  provider: 'sequencing-service',
  states: { [STATES.queuedJobExists]: seedQueuedJob },
};
