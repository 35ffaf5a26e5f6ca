/**
 * The endpoints scenario's plan: which requests load/endpoints.ts makes, built on the Node side from
 * the resolved catalog (`tracseq-validate load plan`) and read by k6 from `--env PLAN=<json>` or
 * `--env PLAN_FILE=<absolute path>`. Declared once here for both sides (this file imports nothing);
 * parsePlan checks a plan field by field, since k6 has no zod. A plan never holds a credential: the
 * login's secret body fields name the env vars that give them (`LOGIN_PASSWORD`).
 */
export const PLAN_VERSION = 1;

export const PLAN_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type PlanMethod = (typeof PLAN_METHODS)[number];

/** One catalog endpoint as a request. */
export interface PlanRequest {
  readonly service: string;
  readonly endpoint: string;
  readonly method: PlanMethod;
  /** The catalog's path template (the `name` tag: never a filled-in id). */
  readonly path: string;
  /** The full URL, path parameters filled in. */
  readonly url: string;
  /** The status that means success (a 429 is counted apart). */
  readonly status: number;
}

export interface PlanEndpoint extends PlanRequest {
  readonly body: Record<string, unknown> | null;
  /** Sends the login token. */
  readonly auth: boolean;
  /** This is the login endpoint: its body gets the login's env overrides and secrets. */
  readonly login: boolean;
  /** Share of the scenario's requests (positive; endpoints weighted 0 are not in the plan). */
  readonly weight: number;
}

export interface PlanAuth extends PlanRequest {
  /** The login body without its secret fields. */
  readonly body: Record<string, unknown>;
  /** Secret body field -> the env var that gives it. */
  readonly secrets: Record<string, string>;
  /** Dotted path of the token in the login response. */
  readonly token: string;
  readonly header: string;
  /** `Bearer`: the header is `Bearer <token>`; empty: the token alone. */
  readonly scheme: string;
}

export interface LeftOut {
  readonly service: string;
  readonly endpoint: string;
  readonly reason: string;
}

export interface Plan {
  readonly version: typeof PLAN_VERSION;
  readonly system: string;
  readonly env: string;
  readonly auth: PlanAuth | null;
  readonly endpoints: readonly PlanEndpoint[];
  /** Catalog endpoints not loaded, each with the reason (logged). */
  readonly leftOut: readonly LeftOut[];
}

/** The env var that overrides (or, for a secret, gives) a login body field: `password` -> `LOGIN_PASSWORD`. */
export function loginEnvName(field: string): string {
  return `LOGIN_${field.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

/** Body fields that are credentials: kept out of plans, archives and reports. */
export function isSecretField(field: string): boolean {
  return /pass|secret|token|key|credential/i.test(field);
}

/** The services a plan sends requests to. */
export function planServices(plan: Plan | undefined): string[] {
  return [...new Set((plan?.endpoints ?? []).map((e) => e.service))].sort();
}
