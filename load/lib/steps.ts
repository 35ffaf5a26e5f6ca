/**
 * Every request the scenarios make, with the catalog service that owns it. Requests go through the
 * gateway, so `service` names the service behind the route (the tag the thresholds select on).
 * Pure data: read by the k6 code and by the Node runner's tests.
 */
export interface Step {
  readonly service: string;
  readonly endpoint: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path template; `{id}` is filled at call time (the `name` tag keeps the template). */
  readonly path: string;
  /** Statuses that mean success (besides the 429 counted apart). */
  readonly ok: readonly number[];
  /** The journeys read the response body (an id or a token); other bodies are not kept (responseType none: less generator CPU per request). */
  readonly readsBody?: true;
}

export const STEPS = {
  login: { service: 'auth-service', endpoint: 'login', method: 'POST', path: '/api/v1/auth/login', ok: [200], readsBody: true },
  me: { service: 'auth-service', endpoint: 'me', method: 'GET', path: '/api/v1/users/me', ok: [200] },
  listSamples: { service: 'sample-service', endpoint: 'list-samples', method: 'GET', path: '/api/v1/samples?limit=20', ok: [200] },
  getSample: { service: 'sample-service', endpoint: 'get-sample', method: 'GET', path: '/api/v1/samples/{id}', ok: [200] },
  createSample: { service: 'sample-service', endpoint: 'create-sample', method: 'POST', path: '/api/v1/samples', ok: [200, 201], readsBody: true },
  assignStorage: { service: 'storage-service', endpoint: 'assign-storage', method: 'POST', path: '/api/v1/storage/assignments', ok: [200, 201], readsBody: true },
  releaseStorage: { service: 'storage-service', endpoint: 'release-storage', method: 'DELETE', path: '/api/v1/storage/assignments/{id}', ok: [200, 204] },
  listJobs: { service: 'sequencing-service', endpoint: 'list-jobs', method: 'GET', path: '/api/v1/sequencing/jobs', ok: [200] },
  submitJob: { service: 'sequencing-service', endpoint: 'submit-job', method: 'POST', path: '/api/v1/sequencing/jobs', ok: [200, 201, 202], readsBody: true },
  getJob: { service: 'sequencing-service', endpoint: 'get-job', method: 'GET', path: '/api/v1/sequencing/jobs/{id}', ok: [200] },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;

/** The services the scenarios send traffic to (thresholds for other services would select nothing). */
export function servicesUnderLoad(): string[] {
  return [...new Set(Object.values(STEPS).map((s) => s.service))].sort();
}
