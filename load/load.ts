/**
 * load: the laboratory users' journeys (lib/mix.ts) at the expected load, 1,000 req/s through
 * 100 VUs by default, ramped over RAMP (30 s) and held for DURATION (60 s). With a plan (PLAN_FILE or
 * PLAN, see endpoints.ts) the every-service endpoints scenario runs beside them in the same test, at
 * ENDPOINTS_RATE (default a tenth of RATE).
 *   k6 run load/load.ts --env BASE_URL=http://127.0.0.1:8089 --env LOGIN_EMAIL=... --env LOGIN_PASSWORD=...
 *     [--env RATE=200 --env DURATION=30s --env VUS=50] [--env PLAN_FILE=$PWD/plan.json --env ENDPOINTS_RATE=20]
 */
import type { Options } from 'k6/options';
import { setupBesideJourneys } from './lib/beside.ts';
import { endpointIteration, type EndpointsData } from './lib/endpoints.ts';
import { readEnv } from './lib/env.ts';
import { scheduledJourney, type SetupData } from './lib/journeys.ts';
import { servicesReached } from './lib/mix.ts';
import { planServices } from './lib/plan.ts';
import { loadProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = {
  scenarios: loadProfile(ENV),
  thresholds: thresholdsFor(ENV, [...servicesReached('journeys'), ...planServices(ENV.plan)]),
  setupTimeout: '60s',
};

export const setup = (): SetupData & Partial<EndpointsData> => setupBesideJourneys(ENV);

export const journey = (data: SetupData): void => scheduledJourney(ENV, data);

export const endpoint = (data: EndpointsData): void => endpointIteration(ENV, ENV.plan!, data);
