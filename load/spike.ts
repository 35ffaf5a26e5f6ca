/**
 * spike: a fifth of the expected load, a jump to RATE (3x) within 2 s held for DURATION (10 s),
 * then back down for 20 s to see the system recover.
 *   k6 run load/spike.ts --env BASE_URL=http://127.0.0.1:8089 [--env RATE=3000]
 */
import type { Options } from 'k6/options';
import { readEnv } from './lib/env.ts';
import { prepare, singleStep, type SetupData } from './lib/journeys.ts';
import { servicesReached } from './lib/mix.ts';
import { spikeProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = { scenarios: spikeProfile(ENV), thresholds: thresholdsFor(ENV, servicesReached('single')), setupTimeout: '60s' };

export function setup(): SetupData {
  return prepare(ENV);
}

export const step = (data: SetupData): void => singleStep(ENV, data);
