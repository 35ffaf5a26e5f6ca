import exec from 'k6/execution';
import http, { type Params, type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter } from 'k6/metrics';
import { ENDPOINT_TAG, RATE_LIMITED_STATUS, SCENARIOS_START_METRIC, SERVICE_TAG } from './defaults.ts';
import type { LoadEnv } from './env.ts';
import { rateLimited } from './http.ts';
import { weightedSchedule } from './mix.ts';
import { loginEnvName, type Plan, type PlanAuth, type PlanEndpoint } from './plan.ts';

/**
 * The every-service endpoints scenario (plan.ts): iteration i calls the endpoint the weighted
 * schedule gives it (one request per iteration, so the arrival rate is the request rate), tagged with
 * its `service` and `endpoint`, and `name` = method and path template. setup() logs in once through
 * the plan's login when an endpoint needs the token; a VU that gets a 401 logs in again for itself.
 * Bodies are not read (less generator CPU), except the login's.
 */
export interface EndpointsData {
  readonly token: string | null;
}

const scenariosStart = new Counter(SCENARIOS_START_METRIC);

interface Prepared {
  readonly e: PlanEndpoint;
  readonly body: string | null;
  readonly params: Params;
}

const tags = (e: { service: string; endpoint: string; method: string; path: string }) => ({
  [SERVICE_TAG]: e.service, [ENDPOINT_TAG]: e.endpoint, name: `${e.method} ${e.path}`,
});

/** The login body: the plan's fields, each overridable by LOGIN_<FIELD>; secret fields only from env. */
function loginBody(env: LoadEnv, auth: PlanAuth): { body: Record<string, unknown>; missing: string[] } {
  const body: Record<string, unknown> = { ...auth.body };
  for (const field of Object.keys(body)) {
    const given = env.login[loginEnvName(field)];
    if (given !== undefined && given !== '') body[field] = given;
  }
  const missing: string[] = [];
  for (const [field, name] of Object.entries(auth.secrets)) {
    const given = env.login[name];
    if (given === undefined || given === '') missing.push(name);
    else body[field] = given;
  }
  return { body, missing };
}

function logIn(env: LoadEnv, auth: PlanAuth): { token: string } | { error: string } {
  const { body, missing } = loginBody(env, auth);
  if (missing.length > 0) return { error: `the login (${auth.service} ${auth.endpoint}) needs ${missing.map((m) => `--env ${m}`).join(' and ')}` };
  const params: Params = {
    headers: { 'Content-Type': 'application/json' }, timeout: env.requestTimeout, responseType: 'text',
    responseCallback: http.expectedStatuses(auth.status, RATE_LIMITED_STATUS), tags: tags(auth),
  };
  let res: RefinedResponse<ResponseType> | undefined;
  // A login is a fixture, not a measurement: a 5xx or no answer is asked twice more (a 4xx is final).
  for (let attempt = 0; attempt < 3 && (!res || res.status === 0 || res.status >= 500); attempt += 1) {
    res = http.request(auth.method, auth.url, JSON.stringify(body), params);
  }
  const status = res?.status ?? 0;
  if (status !== auth.status) return { error: `login at ${auth.url} failed (HTTP ${status}${status === 0 ? ': no response' : ''})` };
  let token: unknown;
  try {
    token = res?.json(auth.token);
  } catch {
    token = undefined;
  }
  return typeof token === 'string' && token !== '' ? { token } : { error: `login at ${auth.url}: no token at "${auth.token}" in the response` };
}

/** setup(): the token for `auth: true` endpoints (aborts the test, exit 108, when the login fails). */
export function prepareEndpoints(env: LoadEnv, plan: Plan, markStart: boolean): EndpointsData {
  let token: string | null = null;
  if (plan.auth && plan.endpoints.some((e) => e.auth || e.login)) {
    const got = logIn(env, plan.auth);
    if ('error' in got) exec.test.abort(`setup: ${got.error}`);
    else token = got.token;
  }
  if (markStart) scenariosStart.add(1);
  return { token };
}

// Per VU (module scope is per VU in k6): the prepared requests, the schedule and this VU's token.
let prepared: Prepared[] | undefined;
let schedule: number[] = [];
let token: string | null | undefined;

function prepare(env: LoadEnv, plan: Plan): Prepared[] {
  const login = plan.auth ? loginBody(env, plan.auth).body : {};
  schedule = weightedSchedule(plan.endpoints.map((e) => e.weight));
  return plan.endpoints.map((e) => ({
    e,
    body: e.login ? JSON.stringify(login) : e.body === null ? null : JSON.stringify(e.body),
    params: {
      headers: (e.body === null && !e.login ? {} : { 'Content-Type': 'application/json' }) as Record<string, string>,
      timeout: env.requestTimeout,
      responseType: 'none',
      responseCallback: http.expectedStatuses(e.status, RATE_LIMITED_STATUS),
      tags: tags(e),
    },
  }));
}

/** One iteration of the endpoints scenario. */
export function endpointIteration(env: LoadEnv, plan: Plan, data: EndpointsData): void {
  prepared ??= prepare(env, plan);
  if (token === undefined) token = data.token;
  const p = prepared[schedule[exec.scenario.iterationInTest % schedule.length] ?? 0]!;
  const auth = plan.auth;
  const params = p.e.auth && auth && token ? { ...p.params, headers: { ...p.params.headers, [auth.header]: auth.scheme ? `${auth.scheme} ${token}` : token } } : p.params;
  const res = http.request(p.e.method, p.e.url, p.body, params);
  if (res.status === RATE_LIMITED_STATUS) rateLimited.add(1, { [SERVICE_TAG]: p.e.service });
  if (res.status === 401 && p.e.auth && auth) {
    const again = logIn(env, auth);
    if ('token' in again) token = again.token;
  }
}
