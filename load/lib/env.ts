import { EXPECTED_RPS } from './defaults.ts';
import { parseSeconds } from './duration.ts';

/**
 * The one place the scenarios read `__ENV` (k6 `--env NAME=value`). Every setting is optional except
 * BASE_URL; each scenario's profile supplies its own defaults for RATE, DURATION, VUS and RAMP.
 * Bad values throw at init, so k6 exits 107 with the message and the runner reports a config error.
 */
export interface LoadEnv {
  /** The gateway's base URL (API_GATEWAY_URL), no trailing slash. */
  readonly baseUrl: string;
  readonly email: string;
  readonly password: string;
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

export function readEnv(): LoadEnv {
  const baseUrl = (__ENV['BASE_URL'] ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new Error('--env BASE_URL is required: the gateway URL, e.g. --env BASE_URL=http://127.0.0.1:8089');
  }
  return {
    baseUrl,
    email: __ENV['LOGIN_EMAIL'] || 'admin@lab.local',
    password: __ENV['LOGIN_PASSWORD'] || 'admin123',
    expectedRps: num('EXPECTED_RPS', 1) ?? EXPECTED_RPS,
    rate: num('RATE', 1),
    durationS: dur('DURATION'),
    rampS: dur('RAMP'),
    vus: num('VUS', 1, true),
    thinkScale: num('THINK_SCALE', 0) ?? 1,
    requestTimeout: __ENV['REQUEST_TIMEOUT'] || '10s',
    samplePool: num('SAMPLE_POOL', 1, true) ?? 20,
    thresholds: thresholds(),
  };
}
