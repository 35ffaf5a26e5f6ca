import type { Scenario } from 'k6/options';
import { EXPECTED_VUS, SOAK_MAX_SECONDS } from './defaults.ts';
import { seconds } from './duration.ts';
import type { LoadEnv } from './env.ts';
import { iterationsPerMinute, weightedSchedule } from './mix.ts';

/**
 * The five load shapes. Every default of a shape is here (rates derive from EXPECTED_RPS).
 * Arrival-rate executors throughout (except the 1-VU smoke), so slow responses cannot slow the
 * arrivals down and hide latency (coordinated omission); a generator that cannot keep up shows as
 * dropped_iterations.
 */
export interface Stage {
  readonly seconds: number;
  /** Requests per second at the end of the stage. */
  readonly rps: number;
}

const GRACEFUL_STOP = '5s';

/**
 * The journeys as ONE ramping-arrival-rate scenario: iterations arrive at the rate that yields the
 * req/s target (mix.ts), each runs the journey the schedule gives it, and all share one pool of VUs
 * (all started up front, so none is initialised mid-test when the system is busiest).
 */
export function journeyScenarios(startRps: number, stages: readonly Stage[], maxVus: number): Record<string, Scenario> {
  return {
    journeys: {
      executor: 'ramping-arrival-rate',
      exec: 'journey',
      startRate: iterationsPerMinute(startRps),
      timeUnit: '1m',
      stages: stages.map((s) => ({ duration: seconds(s.seconds), target: iterationsPerMinute(s.rps) })),
      preAllocatedVUs: maxVus,
      maxVUs: maxVus,
      gracefulStop: GRACEFUL_STOP,
    },
  };
}

/**
 * The endpoints scenario (lib/endpoints.ts): one request per iteration, so the arrival rate is the
 * request rate (per minute, so a fraction of a request per second stays exact).
 */
function endpointsScenario(stages: readonly Stage[], maxVus: number): Scenario {
  return {
    executor: 'ramping-arrival-rate',
    exec: 'endpoint',
    startRate: 0,
    timeUnit: '1m',
    stages: stages.map((s) => ({ duration: seconds(s.seconds), target: Math.round(s.rps * 60) })),
    preAllocatedVUs: maxVus,
    maxVUs: maxVus,
    gracefulStop: GRACEFUL_STOP,
  };
}

/**
 * The endpoints scenario alone (load/endpoints.ts): ENDPOINTS_RATE, else RATE (default: the expected
 * load) ramped over RAMP (30 s) and held for DURATION (60 s), through VUS (100) VUs.
 */
export function endpointsProfile(env: LoadEnv): Record<string, Scenario> {
  const rps = env.endpointsRate ?? env.rate ?? env.expectedRps;
  return { endpoints: endpointsScenario([{ seconds: env.rampS ?? 30, rps }, { seconds: env.durationS ?? 60, rps }], env.vus ?? EXPECTED_VUS) };
}

/**
 * Beside the journeys (load, soak, when a plan is given): the endpoints scenario over the same ramp
 * and hold at ENDPOINTS_RATE, by default a tenth of the journeys' rate, but at least 1 req/s and at
 * least one whole cycle of the schedule during the hold (so a short run still calls every
 * endpoint), with VUs for one second of latency at that rate (at least 10).
 */
export function besideJourneys(env: LoadEnv, scenarios: Record<string, Scenario>, stages: readonly Stage[]): Record<string, Scenario> {
  if (!env.plan) return scenarios;
  const hold = stages[stages.length - 1];
  const cycle = weightedSchedule(env.plan.endpoints.map((e) => e.weight)).length;
  const rps = env.endpointsRate ?? Math.max(1, (hold?.rps ?? 0) / 10, cycle / Math.max(1, hold?.seconds ?? 1));
  return { ...scenarios, endpoints: endpointsScenario(stages.map((s) => ({ seconds: s.seconds, rps })), Math.max(10, Math.ceil(rps))) };
}

/** One request per iteration (stress, spike): the arrival rate is the request rate. */
function singleStepScenario(startRps: number, stages: readonly Stage[], maxVus: number): Record<string, Scenario> {
  return {
    steps: {
      executor: 'ramping-arrival-rate',
      exec: 'step',
      startRate: Math.round(startRps),
      timeUnit: '1s',
      stages: stages.map((s) => ({ duration: seconds(s.seconds), target: Math.round(s.rps) })),
      // VUs started mid-test cost CPU exactly when the system is busiest: start most of them up front.
      preAllocatedVUs: Math.min(maxVus, Math.max(100, Math.ceil(maxVus / 2))),
      maxVUs: maxVus,
      gracefulStop: GRACEFUL_STOP,
    },
  };
}

export function smokeLoadProfile(env: LoadEnv): Record<string, Scenario> {
  return { smoke: { executor: 'constant-vus', exec: 'everyJourney', vus: 1, duration: seconds(env.durationS ?? 15), gracefulStop: GRACEFUL_STOP } };
}

/** Ramp to the expected load (1,000 req/s through 100 VUs by default), hold it. */
export function loadProfile(env: LoadEnv): Record<string, Scenario> {
  const rps = env.rate ?? env.expectedRps;
  const stages = [{ seconds: env.rampS ?? 30, rps }, { seconds: env.durationS ?? 60, rps }];
  return besideJourneys(env, journeyScenarios(0, stages, env.vus ?? EXPECTED_VUS), stages);
}

/** Half the expected load for a bounded time (10 min by default, never over SOAK_MAX_SECONDS). */
export function soakProfile(env: LoadEnv): Record<string, Scenario> {
  const duration = env.durationS ?? 600;
  if (duration > SOAK_MAX_SECONDS) {
    throw new Error(`--env DURATION: a soak is bounded to ${SOAK_MAX_SECONDS / 3600}h, got ${duration}s`);
  }
  const rps = env.rate ?? Math.round(env.expectedRps / 2);
  const stages = [{ seconds: env.rampS ?? 30, rps }, { seconds: duration, rps }];
  return besideJourneys(env, journeyScenarios(0, stages, env.vus ?? EXPECTED_VUS), stages);
}

/**
 * Climb linearly to the ceiling (3x the expected load by default) over DURATION, hold briefly, fall
 * to a tenth of the ceiling (at most half the expected load: recovery is judged at a load the system
 * must hold easily, however high the ceiling) and stay there so recovery can be measured.
 */
export function stressProfile(env: LoadEnv): Record<string, Scenario> {
  const ceiling = env.rate ?? env.expectedRps * 3;
  const climb = env.durationS ?? 60;
  const low = Math.max(1, Math.min(ceiling / 10, env.expectedRps / 2));
  return singleStepScenario(low / 2, [
    { seconds: climb, rps: ceiling },
    { seconds: Math.max(2, climb / 10), rps: ceiling },
    { seconds: 1, rps: low },
    { seconds: Math.max(10, climb / 2), rps: low },
  ], env.vus ?? 500);
}

/** A fifth of the expected load, a sudden jump to the peak (3x by default), then back to watch recovery. */
export function spikeProfile(env: LoadEnv): Record<string, Scenario> {
  const peak = env.rate ?? env.expectedRps * 3;
  const base = Math.max(1, Math.round(Math.min(env.expectedRps, peak) / 5));
  const warm = env.rampS ?? 10;
  return singleStepScenario(base, [
    { seconds: warm, rps: base },
    { seconds: 2, rps: peak },
    { seconds: env.durationS ?? 10, rps: peak },
    { seconds: 2, rps: base },
    // Recovery is watched for twice the peak's length (20 s by default), at least 10 s.
    { seconds: Math.max(10, 2 * (env.durationS ?? 10)), rps: base },
  ], env.vus ?? 500);
}
