/**
 * stress: one request per iteration, arrival rate climbing linearly to RATE (3x the expected load)
 * over DURATION (60 s), then down to a tenth (at most half the expected load) to measure recovery. The runner computes the breaking
 * point, the error rate and VUs at the break and the recovery time from the raw results.
 *   k6 run load/stress.ts --env BASE_URL=http://127.0.0.1:8089 [--env RATE=3000 --env DURATION=60s --env VUS=500]
 */
import type { Options } from 'k6/options';
import { readEnv } from './lib/env.ts';
import { prepare, singleStep, type SetupData } from './lib/journeys.ts';
import { servicesReached } from './lib/mix.ts';
import { stressProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv();

export const options: Options = { scenarios: stressProfile(ENV), thresholds: thresholdsFor(ENV, servicesReached('single')), setupTimeout: '60s' };

export function setup(): SetupData {
  return prepare(ENV);
}

export const step = (data: SetupData): void => singleStep(ENV, data);
