import type { ContractVerification } from './verify/contract-verification.ts';

/** sequencing-service verifies notification-service's pact: no provider state; the event comes from the real producer. */
export const verification: ContractVerification = {
  consumer: 'notification-service',
  provider: 'sequencing-service',
  states: {},
};
