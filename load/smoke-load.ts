/**
 * smoke-load: one VU walks every journey in turn for DURATION (15 s): is the load path sane?
 *   k6 run load/smoke-load.ts --env BASE_URL=http://127.0.0.1:8089
 */
import type { Options } from 'k6/options';
import { readEnv } from './lib/env.ts';
import { journeys, prepare, type SetupData } from './lib/journeys.ts';
import { JOURNEYS, servicesReached } from './lib/mix.ts';
import { smokeLoadProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = { scenarios: smokeLoadProfile(ENV), thresholds: thresholdsFor(ENV, servicesReached('journeys')), setupTimeout: '60s' };

export function setup(): SetupData {
  return prepare(ENV);
}

export function everyJourney(data: SetupData): void {
  for (const journey of JOURNEYS) journeys[journey.name](ENV, data);
}
