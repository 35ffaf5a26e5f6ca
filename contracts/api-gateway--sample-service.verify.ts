import type { ContractVerification } from './verify/contract-verification.ts';
import { seedSample } from './verify/seeds.ts';
import { STATES } from './provider-states.ts';

/** sample-service verifies the gateway's pact: the sample it reads is seeded through the state hook. */
export const verification: ContractVerification = {
  consumer: 'api-gateway',
  provider: 'sample-service',
  states: { [STATES.sampleExists]: seedSample },
};
