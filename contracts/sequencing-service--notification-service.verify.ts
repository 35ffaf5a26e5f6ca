import type { ContractVerification } from './verify/contract-verification.ts';

/** notification-service verifies sequencing-service's pact: sending needs no provider state. */
export const verification: ContractVerification = {
  consumer: 'sequencing-service',
  provider: 'notification-service',
  states: {},
};
