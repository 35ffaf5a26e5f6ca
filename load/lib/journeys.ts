import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { SCENARIOS_START_METRIC } from './defaults.ts';
import type { LoadEnv } from './env.ts';
import { call, callMany, field } from './http.ts';
import { pickWeighted, SINGLE_STEPS, THINK, type JourneyName } from './mix.ts';
import { hasToken, login, noteStatus, sessionToken, uniqueSuffix, useSessionPool } from './session.ts';
import type { StepName } from './steps.ts';

/** One sample at the end of setup(): when the scenarios' clock starts (the runner aligns schedules on it). */
const scenariosStart = new Counter(SCENARIOS_START_METRIC);

/** Sessions and entities created in setup(), so VUs start logged in and read steps read something real. */
export interface SetupData {
  readonly sessions: string[];
  readonly sampleIds: string[];
  readonly jobIds: string[];
}

/** How many sessions setup() opens for the VUs to share. */
const SESSION_POOL = 10;

function think(env: LoadEnv): void {
  const jitter = (Math.random() * 2 - 1) * THINK.jitter;
  const ms = THINK.meanMs * (1 + jitter) * env.thinkScale;
  if (ms > 0) sleep(ms / 1000);
}

function anyOf(list: readonly string[]): string {
  return list[Math.floor(Math.random() * list.length)] ?? 'none';
}

function authed(env: LoadEnv, step: StepName, options: { id?: string; body?: unknown } = {}) {
  const res = call(env, step, { ...options, token: sessionToken(env) });
  noteStatus(res.status);
  return res;
}

/** Registers a sample without a storage slot (the register journey assigns one as its own step). */
function createSample(env: LoadEnv): string | undefined {
  const res = authed(env, 'createSample', { body: { barcode: `LT-${uniqueSuffix()}`, sample_type: 'blood', auto_assign: false } });
  return field(res, 'id');
}

/** The journeys of JOURNEYS (mix.ts), step by step, with think time between steps. */
const steps: Record<JourneyName, (env: LoadEnv, data: SetupData) => void> = {
  signIn(env) {
    login(env);
    think(env);
    authed(env, 'me');
  },
  browse(env, data) {
    authed(env, 'listSamples');
    think(env);
    authed(env, 'getSample', { id: anyOf(data.sampleIds) });
  },
  register(env, data) {
    const id = createSample(env) ?? anyOf(data.sampleIds);
    think(env);
    const assignment = field(authed(env, 'assignStorage', { body: { sample_id: id } }), 'id');
    think(env);
    authed(env, 'releaseStorage', { id: assignment ?? 'none' });
  },
  sequence(env, data) {
    const sampleId = createSample(env) ?? anyOf(data.sampleIds);
    think(env);
    const jobId = field(authed(env, 'submitJob', { body: { sample_id: sampleId, platform: 'illumina' } }), 'id') ?? anyOf(data.jobIds);
    for (let poll = 0; poll < 2; poll += 1) {
      think(env);
      authed(env, 'getJob', { id: jobId });
    }
  },
};

export const journeys = Object.fromEntries(
  (Object.keys(steps) as JourneyName[]).map((name) => [name, (env: LoadEnv, data: SetupData) => {
    useSessionPool(data.sessions);
    steps[name](env, data);
  }]),
) as Record<JourneyName, (env: LoadEnv, data: SetupData) => void>;

/** One request drawn from SINGLE_STEPS: stress and spike iterations. */
export function singleStep(env: LoadEnv, data: SetupData): void {
  useSessionPool(data.sessions);
  const { step } = pickWeighted(SINGLE_STEPS, Math.random());
  if (step === 'createSample') createSample(env);
  else if (step === 'getSample') authed(env, step, { id: anyOf(data.sampleIds) });
  else if (step === 'getJob') authed(env, step, { id: anyOf(data.jobIds) });
  else authed(env, step);
}

/** setup(): logs in and creates the entities the read steps use; aborts the test (exit 108) when it cannot. */
export function prepare(env: LoadEnv): SetupData {
  const fail = (what: string, status: number): never => {
    exec.test.abort(`setup: ${what} at ${env.baseUrl} failed (HTTP ${status}${status === 429 ? ': rate limited by the gateway' : status === 0 ? ': no response' : ''})`);
    throw new Error('unreachable: test.abort() stops the test');
  };
  const loginStatus = login(env);
  if (!hasToken()) fail(`login as ${env.email}`, loginStatus);
  const token = sessionToken(env);
  const logins = callMany(env, 'login', Array.from({ length: SESSION_POOL - 1 }, () => ({ body: { email: env.email, password: env.password } })));
  const sessions = [token as string, ...logins.map((res) => field(res, 'access_token') ?? fail(`login as ${env.email}`, res.status))];
  const samples = callMany(env, 'createSample', Array.from({ length: env.samplePool }, (_, i) => ({
    token, body: { barcode: `LT-setup-${i}-${Date.now()}`, sample_type: 'blood', auto_assign: false },
  })));
  const sampleIds = samples.map((res) => field(res, 'id') ?? fail('creating a sample', res.status));
  const jobs = callMany(env, 'submitJob', sampleIds.slice(0, 5).map((sampleId) => ({ token, body: { sample_id: sampleId, platform: 'illumina' } })));
  const jobIds = jobs.map((res) => field(res, 'id') ?? fail('submitting a sequencing job', res.status));
  scenariosStart.add(1);
  return { sessions, sampleIds, jobIds };
}
