import type { Auth } from '../core/catalog/schema.ts';
import type { HttpClient } from '../core/http/request.ts';
import type { Failure } from '../core/result.ts';
import type { ProbeSettings } from './check-health.ts';
import { valueAtPath } from './health-expectation.ts';
import { checkJson, NO_BUDGET } from './http-check.ts';
import type { EndpointPlan } from './plan.ts';
import { fail, type Verdict } from './verdict.ts';

export type TokenResult =
  /** `header: value` to send, e.g. `authorization: Bearer <token>`. */
  | { ok: true; token: string; header: string; value: string }
  /** `reportedElsewhere`: the login failure already shows as a failed check of its own. */
  | { ok: false; failure: Failure; reason: string; reportedElsewhere: boolean };

/** How a token is taken from the login answer and sent: the catalog's `auth` without its `login`. */
export type TokenUse = Pick<Auth, 'token' | 'header' | 'scheme'>;

/** The catalog's login body, with TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD overriding its email/password. */
export function loginBody(body: Record<string, unknown> | undefined, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const merged = { ...body };
  if (env['TRACSEQ_SMOKE_EMAIL']) merged['email'] = env['TRACSEQ_SMOKE_EMAIL'];
  if (env['TRACSEQ_SMOKE_PASSWORD']) merged['password'] = env['TRACSEQ_SMOKE_PASSWORD'];
  return merged;
}

/** The header value for a token: `Bearer <token>`, or the token alone when the scheme is empty. */
export function credential(use: TokenUse, token: string): { header: string; value: string } {
  return { header: use.header.toLowerCase(), value: use.scheme ? `${use.scheme} ${token}` : token };
}

/** The token at `use.token` in a login answer, or a failure naming where it was looked for. */
export function tokenIn(json: unknown, use: TokenUse, url: string): { token: string } | { verdict: Verdict } {
  const token = valueAtPath(json, use.token);
  if (typeof token === 'string' && token.length > 0) return { token };
  return { verdict: fail({ kind: 'schema', url, field: `/${use.token.split('.').join('/')}`, message: `the login answer has no token at "${use.token}" (the catalog's auth.token)` }) };
}

/** Logs in once with the catalog's login endpoint and returns the credential to send. */
export async function login(http: HttpClient, endpoint: EndpointPlan, body: Record<string, unknown>, use: TokenUse, settings: ProbeSettings): Promise<TokenResult> {
  const { verdict, json } = await checkJson(
    http,
    { method: endpoint.method, url: endpoint.url, body, timeoutMs: settings.timeoutMs, signal: settings.signal },
    { status: [endpoint.status], schema: endpoint.schema, budgetMs: NO_BUDGET },
  );
  const found = verdict.outcome === 'pass' ? tokenIn(json, use, endpoint.url) : { verdict };
  if ('token' in found) return { ok: true, token: found.token, ...credential(use, found.token) };
  const failure = found.verdict.failure ?? { kind: 'internal', message: 'login failed', url: endpoint.url };
  return { ok: false, failure, reason: `login at ${endpoint.url} failed: ${failure.message}`, reportedElsewhere: false };
}

/** The catalog's login, planned at the login endpoint's own service. */
export interface LoginPlan {
  endpoint: EndpointPlan;
  serviceId: string;
  use: TokenUse;
}

/**
 * A memoised credential for endpoints marked `auth: true`: one login per run (direct at the login
 * endpoint's service). Without a login in the catalog, every such check says why.
 */
export function tokenSource(http: HttpClient, plan: LoginPlan | undefined, body: Record<string, unknown>, settings: ProbeSettings, reportedElsewhere: boolean): () => Promise<TokenResult> {
  let pending: Promise<TokenResult> | undefined;
  return () => {
    pending ??= plan
      ? login(http, plan.endpoint, body, plan.use, settings).then((r) => (r.ok ? r : { ...r, reportedElsewhere }))
      : Promise.resolve({ ok: false, reportedElsewhere: false, reason: 'the catalog has no auth.login', failure: { kind: 'config', message: 'the catalog has no auth.login (which key endpoint logs in)' } });
    return pending;
  };
}
