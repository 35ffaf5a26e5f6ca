import http, { type RefinedResponse, type ResponseType } from 'k6/http';
import { Counter } from 'k6/metrics';
import { ENDPOINT_TAG, RATE_LIMITED_STATUS, SERVICE_TAG } from './defaults.ts';
import type { LoadEnv } from './env.ts';
import { STEPS, type Step, type StepName } from './steps.ts';

/**
 * One tagged request per step. Each request carries `service` and `endpoint` tags (thresholds and
 * the analyzer break results down by them) and a `name` tag with the path template, never a raw id.
 * A 429 is "expected" to k6 (so http_req_failed counts only real failures) and counted apart.
 */
export const rateLimited = new Counter('rate_limited_responses');

const callbacks = Object.fromEntries(
  (Object.keys(STEPS) as StepName[]).map((name) => [name, http.expectedStatuses(...STEPS[name].ok, RATE_LIMITED_STATUS)]),
) as Record<StepName, ReturnType<typeof http.expectedStatuses>>;

export interface CallOptions {
  readonly id?: string;
  readonly body?: unknown;
  readonly token?: string;
}

function request(env: LoadEnv, name: StepName, options: CallOptions) {
  const step: Step = STEPS[name];
  const headers: Record<string, string> = step.method === 'POST' ? { 'Content-Type': 'application/json' } : {};
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  return {
    method: step.method,
    url: `${env.baseUrl}${step.path.replace('{id}', encodeURIComponent(options.id ?? ''))}`,
    body: step.method === 'POST' ? JSON.stringify(options.body ?? {}) : null,
    params: {
      headers,
      timeout: env.requestTimeout,
      responseType: ('readsBody' in step ? 'text' : 'none') as ResponseType,
      responseCallback: callbacks[name],
      tags: { [SERVICE_TAG]: step.service, [ENDPOINT_TAG]: step.endpoint, name: `${step.method} ${step.path}` },
    },
  };
}

function counted(name: StepName, res: RefinedResponse<ResponseType>): RefinedResponse<ResponseType> {
  if (res.status === RATE_LIMITED_STATUS) rateLimited.add(1, { [SERVICE_TAG]: STEPS[name].service });
  return res;
}

export function call(env: LoadEnv, name: StepName, options: CallOptions = {}): RefinedResponse<ResponseType> {
  const r = request(env, name, options);
  return counted(name, http.request(r.method, r.url, r.body, r.params));
}

/** The same step several times in parallel (setup() fills its pools this way: fast even when the target is slow). */
export function callMany(env: LoadEnv, name: StepName, many: readonly CallOptions[]): RefinedResponse<ResponseType>[] {
  const responses = http.batch(many.map((options) => {
    const r = request(env, name, options);
    return { method: r.method, url: r.url, body: r.body, params: r.params };
  }));
  return responses.map((res) => counted(name, res));
}

/** Reads a string field of a JSON body (`data.0.id` style paths), or undefined. */
export function field(res: RefinedResponse<ResponseType>, path: string): string | undefined {
  if (res.status < 200 || res.status >= 300) return undefined;
  try {
    const value = res.json(path);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
