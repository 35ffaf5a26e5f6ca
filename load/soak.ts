/**
 * soak: the same journeys at half the expected load for DURATION (10 min by default, at most 4 h);
 * with a plan (PLAN_FILE or PLAN), the endpoints scenario beside them, as in load.ts.
 *   k6 run load/soak.ts --env BASE_URL=http://127.0.0.1:8089 --env LOGIN_EMAIL=... --env LOGIN_PASSWORD=... [--env DURATION=30m]
 */
import type { Options } from 'k6/options';
import { setupBesideJourneys } from './lib/beside.ts';
import { endpointIteration, type EndpointsData } from './lib/endpoints.ts';
import { readEnv } from './lib/env.ts';
import { scheduledJourney, type SetupData } from './lib/journeys.ts';
import { servicesReached } from './lib/mix.ts';
import { planServices } from './lib/plan.ts';
import { soakProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = {
  scenarios: soakProfile(ENV),
  thresholds: thresholdsFor(ENV, [...servicesReached('journeys'), ...planServices(ENV.plan)]),
  setupTimeout: '60s',
};

export const setup = (): SetupData & Partial<EndpointsData> => setupBesideJourneys(ENV);

export const journey = (data: SetupData): void => scheduledJourney(ENV, data);

export const endpoint = (data: EndpointsData): void => endpointIteration(ENV, ENV.plan!, data);
