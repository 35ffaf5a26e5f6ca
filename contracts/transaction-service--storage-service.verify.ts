import type { ContractVerification } from './verify/contract-verification.ts';
import { seedAssignment, seedStorageRoom } from './verify/seeds.ts';
import { STATES } from './provider-states.ts';

/** storage-service verifies the saga's pact: room for a new assignment, and the assignment to release. */
export const verification: ContractVerification = {
  consumer: 'transaction-service',
  provider: 'storage-service',
  states: { [STATES.storageHasRoom]: seedStorageRoom, [STATES.assignmentExists]: seedAssignment },
};
