import type { ContractVerification } from './verify/contract-verification.ts';
import { seedSample } from './verify/seeds.ts';
import { STATES } from './provider-states.ts';

/** sample-service verifies the saga's pact: the sample to compensate is seeded through the state hook. */
export const verification: ContractVerification = {
  consumer: 'transaction-service',
  provider: 'sample-service',
  states: { [STATES.sampleExists]: seedSample },
};
