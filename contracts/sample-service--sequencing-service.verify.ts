import type { ContractVerification } from './verify/contract-verification.ts';

/** sequencing-service verifies sample-service's pact: job submission needs no state; the event comes from the real producer. */
export const verification: ContractVerification = {
  consumer: 'sample-service',
  provider: 'sequencing-service',
  states: {},
};
