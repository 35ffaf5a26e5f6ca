import type { HttpClient } from '../core/http/request.ts';
import type { ProbeSettings } from './check-health.ts';
import { valueAtPath } from './health-expectation.ts';
import { checkJson, NO_BUDGET } from './http-check.ts';
import type { EndpointPlan } from './plan.ts';
import { credential, tokenIn, type TokenUse } from './token.ts';
import { fail, pass, type Verdict } from './verdict.ts';

export interface Step {
  step: string;
  url: string;
  method: string;
  status?: number;
  latencyMs?: number;
  outcome: Verdict['outcome'];
}

/** Records a step and, when it failed, prefixes the failure with the step's name. */
export function stepResult(steps: Step[], step: string, method: string, url: string, verdict: Verdict): Verdict | undefined {
  steps.push({ step, url, method, status: verdict.detail['status'] as number | undefined, latencyMs: verdict.detail['latencyMs'] as number | undefined, outcome: verdict.outcome });
  if (verdict.outcome !== 'fail' || !verdict.failure) return undefined;
  return fail({ ...verdict.failure, message: `${step}: ${verdict.failure.message}` }, { steps });
}

export interface LoginJourneyResult {
  verdict: Verdict;
  token?: string;
}

const emailOf = (json: unknown, path: string): string | undefined => {
  const value = valueAtPath(json, path);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Through the gateway: log in (the catalog's auth.login), take the token, GET the current user and
 * check it is the one who logged in (the login answer's `user.email`, else the email sent).
 */
export async function loginJourney(http: HttpClient, login: EndpointPlan & { use: TokenUse }, body: Record<string, unknown>, me: EndpointPlan, settings: ProbeSettings): Promise<LoginJourneyResult> {
  const steps: Step[] = [];
  const req = { timeoutMs: settings.timeoutMs, signal: settings.signal };
  const first = await checkJson(http, { ...req, method: login.method, url: login.url, body }, { status: [login.status], schema: login.schema, budgetMs: NO_BUDGET });
  const found = first.verdict.outcome === 'pass' ? tokenIn(first.json, login.use, login.url) : { verdict: first.verdict };
  const loginFailed = stepResult(steps, 'login', login.method, login.url, 'token' in found ? first.verdict : { ...found.verdict, detail: { ...first.verdict.detail, ...found.verdict.detail } });
  if (loginFailed || !('token' in found)) return { verdict: loginFailed ?? fail({ kind: 'internal', message: 'login: no token' }) };
  const { header, value } = credential(login.use, found.token);
  const second = await checkJson(http, { ...req, method: me.method, url: me.url, headers: { [header]: value } }, { status: [me.status], schema: me.schema, budgetMs: NO_BUDGET });
  const meFailed = stepResult(steps, 'current-user', me.method, me.url, second.verdict);
  if (meFailed) return { verdict: meFailed };
  const expected = emailOf(first.json, 'user.email') ?? emailOf(body, 'email');
  const got = emailOf(second.json, 'email');
  if (expected !== undefined && got !== expected) {
    return { verdict: fail({ kind: 'schema', url: me.url, field: '/email', message: `current-user: token for ${expected} resolves to ${got ?? 'no email'}` }, { steps }) };
  }
  return { verdict: pass({ url: login.url, steps, ...(got ? { user: got } : {}) }), token: found.token };
}
