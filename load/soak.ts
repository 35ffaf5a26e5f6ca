/**
 * soak: the same journeys at half the expected load for DURATION (10 min by default, at most 4 h).
 *   k6 run load/soak.ts --env BASE_URL=http://127.0.0.1:8089 [--env DURATION=30m]
 */
import type { Options } from 'k6/options';
import { readEnv } from './lib/env.ts';
import { prepare, scheduledJourney, type SetupData } from './lib/journeys.ts';
import { soakProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = { scenarios: soakProfile(ENV), thresholds: thresholdsFor(ENV), setupTimeout: '60s' };

export function setup(): SetupData {
  return prepare(ENV);
}

export const journey = (data: SetupData): void => scheduledJourney(ENV, data);
