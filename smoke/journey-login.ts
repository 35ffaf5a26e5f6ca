import type { HttpClient } from '../core/http/request.ts';
import { LoginResponse, User } from '../core/response-schemas.ts';
import type { ProbeSettings } from './check-health.ts';
import { checkJson, NO_BUDGET } from './http-check.ts';
import type { EndpointPlan } from './plan.ts';
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

/** Through the gateway: log in, take the token, GET the current user and check it is the one who logged in. */
export async function loginJourney(http: HttpClient, login: EndpointPlan, body: Record<string, unknown>, me: EndpointPlan, settings: ProbeSettings): Promise<LoginJourneyResult> {
  const steps: Step[] = [];
  const req = { timeoutMs: settings.timeoutMs, signal: settings.signal };
  const first = await checkJson(http, { ...req, method: login.method, url: login.url, body }, { status: [login.status], schemaName: 'LoginResponse', schema: LoginResponse, budgetMs: NO_BUDGET });
  const loginFailed = stepResult(steps, 'login', login.method, login.url, first.verdict);
  if (loginFailed) return { verdict: loginFailed };
  const session = LoginResponse.parse(first.json);
  const headers = { authorization: `Bearer ${session.access_token}` };
  const second = await checkJson(http, { ...req, method: me.method, url: me.url, headers }, { status: [me.status], schemaName: 'User', schema: User, budgetMs: NO_BUDGET });
  const meFailed = stepResult(steps, 'current-user', me.method, me.url, second.verdict);
  if (meFailed) return { verdict: meFailed };
  const user = User.parse(second.json);
  if (user.email !== session.user.email) {
    return { verdict: fail({ kind: 'schema', url: me.url, field: 'email', message: `current-user: token for ${session.user.email} resolves to ${user.email}` }, { steps }) };
  }
  return { verdict: pass({ url: login.url, steps, user: user.email }), token: session.access_token };
}
