import { EXPECTED_RPS } from './defaults.ts';
import { parseSeconds } from './duration.ts';
import { parsePlan } from './parse-plan.ts';
import type { Plan } from './plan.ts';

/**
 * The one place the scenarios read `__ENV` (k6 `--env NAME=value`). Every setting is optional except
 * BASE_URL for the journeys and PLAN or PLAN_FILE for the endpoints scenario; each scenario's profile
 * supplies its own defaults for RATE, DURATION, VUS and RAMP. Bad values throw at init, so k6 exits
 * 107 with the message and the runner reports a config error. The login (LOGIN_EMAIL, LOGIN_PASSWORD)
 * has no default here: credentials come from the catalog through the runner, never from script code
 * (which a k6 archive carries); setup() says which one is missing.
 */
export interface LoadEnv {
  /** The gateway's base URL (API_GATEWAY_URL), no trailing slash; empty when the script needs none. */
  readonly baseUrl: string;
  /** The journeys' login; empty when not given. */
  readonly email: string;
  readonly password: string;
  /** Every LOGIN_* value given (the endpoints scenario's login body fields: LOGIN_EMAIL, LOGIN_PASSWORD, ...). */
  readonly login: Readonly<Record<string, string>>;
  /** The system's expected load in req/s; profiles derive their default rates from it. */
  readonly expectedRps: number;
  /** Requests per second: the hold rate (load, soak), the ceiling (stress) or the peak (spike). */
  readonly rate: number | undefined;
  /** Seconds: the hold (load, spike peak), the whole test (smoke-load, soak) or the climb (stress). */
  readonly durationS: number | undefined;
  /** Ramp-up seconds. */
  readonly rampS: number | undefined;
  /** Most VUs the scenario may use. */
  readonly vus: number | undefined;
  /** Multiplies every think time (0 switches them off). */
  readonly thinkScale: number;
  /** Per-request timeout. */
  readonly requestTimeout: string;
  /** Samples created in setup() for the read steps. */
  readonly samplePool: number;
  /** k6 thresholds generated from the catalog SLOs by the runner (THRESHOLDS json), or undefined. */
  readonly thresholds: Record<string, string[]> | undefined;
  /** The endpoints scenario's plan (PLAN json or PLAN_FILE), or undefined: no endpoints scenario. */
  readonly plan: Plan | undefined;
  /** Requests per second of the endpoints scenario (ENDPOINTS_RATE). */
  readonly endpointsRate: number | undefined;
}

function num(name: string, min: number, integer = false): number | undefined {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`--env ${name}=${raw}: must be ${integer ? 'an integer' : 'a number'} >= ${min}`);
  }
  return value;
}

function dur(name: string): number | undefined {
  const raw = __ENV[name];
  return raw === undefined || raw === '' ? undefined : parseSeconds(raw, `--env ${name}`);
}

function thresholds(): Record<string, string[]> | undefined {
  const raw = __ENV['THRESHOLDS'];
  if (raw === undefined || raw === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('--env THRESHOLDS: not JSON (generate it with `tracseq-validate load thresholds`)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('--env THRESHOLDS: must be a JSON object');
  const out: Record<string, string[]> = {};
  for (const [metric, list] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) {
      throw new Error(`--env THRESHOLDS: "${metric}" must be a list of threshold expressions`);
    }
    out[metric] = list as string[];
  }
  return out;
}

/** PLAN (the plan's JSON) or PLAN_FILE (its path: absolute, or relative to load/, as k6's open() reads it). */
function plan(): Plan | undefined {
  const inline = __ENV['PLAN'];
  const file = __ENV['PLAN_FILE'];
  if (inline && file) throw new Error('--env PLAN and --env PLAN_FILE: give one of them');
  const where = inline ? '--env PLAN' : `--env PLAN_FILE=${file ?? ''}`;
  if (!inline && !file) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(inline || open(file as string));
  } catch (err) {
    throw new Error(`${where}: ${err instanceof SyntaxError ? 'not JSON' : String(err)} (make it with \`tracseq-validate load plan\`)`);
  }
  return parsePlan(parsed, where);
}

/** `needs`: what the script cannot run without (the journeys need BASE_URL, the endpoints scenario a plan). */
export function readEnv(needs: { baseUrl: boolean; plan: boolean } = { baseUrl: true, plan: false }): LoadEnv {
  const baseUrl = (__ENV['BASE_URL'] ?? '').replace(/\/+$/, '');
  if (needs.baseUrl && !/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new Error('--env BASE_URL is required: the gateway URL, e.g. --env BASE_URL=http://127.0.0.1:8089');
  }
  const endpoints = plan();
  if (needs.plan && !endpoints) {
    throw new Error('--env PLAN_FILE (or PLAN) is required: the endpoints plan, e.g. `tracseq-validate load plan --env local > plan.json`, then --env PLAN_FILE=$PWD/plan.json');
  }
  return {
    baseUrl,
    email: __ENV['LOGIN_EMAIL'] ?? '',
    password: __ENV['LOGIN_PASSWORD'] ?? '',
    login: Object.fromEntries(Object.entries(__ENV).filter(([name]) => name.startsWith('LOGIN_'))),
    expectedRps: num('EXPECTED_RPS', 1) ?? EXPECTED_RPS,
    rate: num('RATE', 1),
    durationS: dur('DURATION'),
    rampS: dur('RAMP'),
    vus: num('VUS', 1, true),
    thinkScale: num('THINK_SCALE', 0) ?? 1,
    requestTimeout: __ENV['REQUEST_TIMEOUT'] || '10s',
    samplePool: num('SAMPLE_POOL', 1, true) ?? 20,
    thresholds: thresholds(),
    plan: endpoints,
    endpointsRate: num('ENDPOINTS_RATE', 0.01),
  };
}
