/**
 * load: the laboratory users' journeys (lib/mix.ts) at the expected load, 1,000 req/s through
 * 100 VUs by default, ramped over RAMP (30 s) and held for DURATION (60 s).
 *   k6 run load/load.ts --env BASE_URL=http://127.0.0.1:8089 [--env RATE=200 --env DURATION=30s --env VUS=50]
 */
import type { Options } from 'k6/options';
import { readEnv } from './lib/env.ts';
import { prepare, scheduledJourney, type SetupData } from './lib/journeys.ts';
import { loadProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = { scenarios: loadProfile(ENV), thresholds: thresholdsFor(ENV), setupTimeout: '60s' };

export function setup(): SetupData {
  return prepare(ENV);
}

export const journey = (data: SetupData): void => scheduledJourney(ENV, data);
