import { prepareEndpoints, type EndpointsData } from './endpoints.ts';
import type { LoadEnv } from './env.ts';
import { prepare, type SetupData } from './journeys.ts';

/**
 * setup() of a journeys script that may run the endpoints scenario beside them (load, soak): the
 * endpoints' login first, then the journeys' fixtures, which mark when the scenarios start.
 */
export function setupBesideJourneys(env: LoadEnv): SetupData & Partial<EndpointsData> {
  const endpoints = env.plan ? prepareEndpoints(env, env.plan, false) : {};
  return { ...endpoints, ...prepare(env) };
}
