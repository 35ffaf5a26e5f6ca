import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { JOURNEY_TAG, SCENARIOS_START_METRIC } from './defaults.ts';
import type { LoadEnv } from './env.ts';
import { call, callMany, field, type CallOptions } from './http.ts';
import { journeySchedule, pickWeighted, SINGLE_STEPS, THINK, type JourneyName } from './mix.ts';
import { hasToken, login, noteStatus, sessionToken, setupSuffix, uniqueSuffix, useSessionPool } from './session.ts';
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

const SCHEDULE = journeySchedule();

/** One iteration of the load and soak scenarios: the journey the schedule gives this iteration, its requests tagged `journey`. */
export function scheduledJourney(env: LoadEnv, data: SetupData): void {
  const name = SCHEDULE[exec.scenario.iterationInTest % SCHEDULE.length] ?? 'browse';
  exec.vu.metrics.tags[JOURNEY_TAG] = name;
  journeys[name](env, data);
}

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
/**
 * Setup's fixtures (sessions, samples, jobs) are created, not measured: one that fails with a 5xx or no
 * answer is asked for twice more, so a small error fraction in the system fails the thresholds it
 * breaks instead of aborting the test in setup (a 4xx, or a third failure, still aborts).
 */
function fixtures(env: LoadEnv, name: StepName, many: readonly CallOptions[], path: string): { value: string | undefined; status: number }[] {
  const out = callMany(env, name, many).map((res) => ({ value: field(res, path), status: res.status }));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    out.forEach((r, i) => {
      if (r.value !== undefined || (r.status >= 400 && r.status < 500)) return;
      const res = call(env, name, many[i]);
      out[i] = { value: field(res, path), status: res.status };
    });
  }
  return out;
}

export function prepare(env: LoadEnv): SetupData {
  const fail = (what: string, status: number): never => {
    exec.test.abort(`setup: ${what} at ${env.baseUrl} failed (HTTP ${status}${status === 429 ? ': rate limited by the gateway' : status === 0 ? ': no response' : ''})`);
    throw new Error('unreachable: test.abort() stops the test');
  };
  if (!env.email || !env.password) {
    exec.test.abort('setup: the journeys log in with --env LOGIN_EMAIL and --env LOGIN_PASSWORD (the catalog login body\'s email and password; `tracseq-validate load run` passes them)');
  }
  const loginStatus = login(env);
  if (!hasToken()) fail(`login as ${env.email}`, loginStatus);
  const token = sessionToken(env);
  const logins = fixtures(env, 'login', Array.from({ length: SESSION_POOL - 1 }, () => ({ body: { email: env.email, password: env.password } })), 'access_token');
  const sessions = [token as string, ...logins.map((r) => r.value ?? fail(`login as ${env.email}`, r.status))];
  const samples = fixtures(env, 'createSample', Array.from({ length: env.samplePool }, (_, i) => ({
    token, body: { barcode: `LT-${setupSuffix(i)}`, sample_type: 'blood', auto_assign: false },
  })), 'id');
  const sampleIds = samples.map((r) => r.value ?? fail('creating a sample', r.status));
  const jobs = fixtures(env, 'submitJob', sampleIds.slice(0, 5).map((sampleId) => ({ token, body: { sample_id: sampleId, platform: 'illumina' } })), 'id');
  const jobIds = jobs.map((r) => r.value ?? fail('submitting a sequencing job', r.status));
  scenariosStart.add(1);
  return { sessions, sampleIds, jobIds };
}
