import { FIXTURES } from '../provider-states.ts';
import type { StateSetup } from './contract-verification.ts';

/** The state setups several contracts share: each seeds exactly the fixture entity through the provider-state hook. */
export const seedSample: StateSetup = async (hook) => {
  await hook.seed({ samples: [FIXTURES.sample] });
};

export const seedStorageRoom: StateSetup = async (hook) => {
  await hook.seed({ locations: [FIXTURES.location] });
};

export const seedAssignment: StateSetup = async (hook) => {
  const { id, sample_id, location_id } = FIXTURES.assignment;
  await hook.seed({ locations: [FIXTURES.location], assignments: [{ id, sample_id, location_id }] });
};

export const seedQueuedJob: StateSetup = async (hook) => {
  await hook.seed({ jobs: [FIXTURES.job] });
};
