import type { ContractVerification } from './verify/contract-verification.ts';

/**
 * sample-service verifies the bus's pacts: no provider state; each event comes from its real producer, for the
 * topics the catalog says sample-service publishes.
 */
export const verification: ContractVerification = {
  consumer: 'event-service',
  provider: 'sample-service',
  states: {},
};
