import type { HttpClient } from '../core/http/request.ts';
import { budget, type ProbeSettings } from './check-health.ts';
import { checkJson, checkText } from './http-check.ts';
import type { EndpointPlan } from './plan.ts';
import type { TokenResult } from './token.ts';
import { fail, skip, type Verdict } from './verdict.ts';

/** Calls one catalog key endpoint (with the catalog's credential when it needs one) and checks status, body (JSON and schema, or text) and budget. */
export async function checkEndpoint(http: HttpClient, endpoint: EndpointPlan, settings: ProbeSettings, token: () => Promise<TokenResult>): Promise<Verdict> {
  const headers: Record<string, string> = {};
  if (endpoint.auth) {
    const got = await token();
    if (!got.ok) return got.reportedElsewhere ? skip(`needs a token: ${got.reason}`, { url: endpoint.url }) : fail({ ...got.failure, url: endpoint.url, message: `cannot get a token: ${got.failure.message}` });
    headers[got.header] = got.value;
  }
  const req = { method: endpoint.method, url: endpoint.url, headers, body: endpoint.body, timeoutMs: settings.timeoutMs, signal: settings.signal };
  const budgetMs = budget(settings, endpoint.budgetMs);
  if (endpoint.response !== 'json') return checkText(http, req, { status: [endpoint.status], match: endpoint.response === 'text' ? endpoint.match : undefined, budgetMs });
  const { verdict } = await checkJson(http, req, { status: [endpoint.status], schema: endpoint.schema, budgetMs });
  return verdict;
}
