import type { HttpClient } from '../core/http/request.ts';
import type { Failure } from '../core/result.ts';
import { LoginResponse } from '../core/response-schemas.ts';
import type { ProbeSettings } from './check-health.ts';
import { checkJson, NO_BUDGET } from './http-check.ts';
import type { EndpointPlan } from './plan.ts';

export type TokenResult =
  | { ok: true; token: string }
  /** `reportedElsewhere`: the login failure already shows as a failed check of its own. */
  | { ok: false; failure: Failure; reason: string; reportedElsewhere: boolean };

/** The catalog's login body, with TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD overriding its email/password. */
export function loginBody(body: Record<string, unknown> | undefined, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const merged = { ...body };
  if (env['TRACSEQ_SMOKE_EMAIL']) merged['email'] = env['TRACSEQ_SMOKE_EMAIL'];
  if (env['TRACSEQ_SMOKE_PASSWORD']) merged['password'] = env['TRACSEQ_SMOKE_PASSWORD'];
  return merged;
}

/** Logs in once with the catalog's login endpoint and returns the access token. */
export async function login(http: HttpClient, endpoint: EndpointPlan, body: Record<string, unknown>, settings: ProbeSettings): Promise<TokenResult> {
  const { verdict, json } = await checkJson(
    http,
    { method: endpoint.method, url: endpoint.url, body, timeoutMs: settings.timeoutMs, signal: settings.signal },
    { status: [endpoint.status], schemaName: 'LoginResponse', schema: LoginResponse, budgetMs: NO_BUDGET },
  );
  if (verdict.outcome === 'pass') return { ok: true, token: (json as { access_token: string }).access_token };
  const failure = verdict.failure ?? { kind: 'internal', message: 'login failed', url: endpoint.url };
  return { ok: false, failure, reason: `login at ${endpoint.url} failed: ${failure.message}`, reportedElsewhere: false };
}

/**
 * A memoised token for endpoints marked `auth: true`: one login per run (direct at the login
 * endpoint's service). Without a login endpoint in the catalog, every such check says why.
 */
export function tokenSource(
  http: HttpClient,
  endpoint: EndpointPlan | undefined,
  body: Record<string, unknown>,
  settings: ProbeSettings,
  reportedElsewhere: boolean,
): () => Promise<TokenResult> {
  let pending: Promise<TokenResult> | undefined;
  return () => {
    pending ??= endpoint
      ? login(http, endpoint, body, settings).then((r) => (r.ok ? r : { ...r, reportedElsewhere }))
      : Promise.resolve({ ok: false, reportedElsewhere: false, reason: 'the catalog has no login endpoint', failure: { kind: 'config', message: 'the catalog has no login endpoint (schema LoginResponse)' } });
    return pending;
  };
}
