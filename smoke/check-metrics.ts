import { statusFailure } from '../core/http/classify-response.ts';
import { judgeLatency } from './http-check.ts';
import type { HttpClient } from '../core/http/request.ts';
import { budget, type ProbeSettings } from './check-health.ts';
import { DEFAULT_BUDGET_MS } from './plan.ts';
import { missingMetrics, parsePrometheusText } from './prom-text.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** GET /metrics: 200, parseable Prometheus text, and every metric name the catalog requires. */
export async function checkMetrics(http: HttpClient, url: string, required: readonly string[], settings: ProbeSettings): Promise<Verdict> {
  const req = { url, timeoutMs: settings.timeoutMs, signal: settings.signal, headers: { accept: 'text/plain;version=0.0.4, */*;q=0.1' } };
  const result = await http.send(req);
  if (!result.ok) return fail(result.failure);
  const { status, text, durationMs } = result.response;
  const detail = { url, method: 'GET', status, latencyMs: Math.round(durationMs) };
  if (status !== 200) return fail(statusFailure(url, status, 200, text), detail);
  const parsed = parsePrometheusText(text);
  if (!parsed.ok) return fail({ kind: 'schema', url, field: `line ${parsed.line}`, message: `not Prometheus text: line ${parsed.line}: ${parsed.error}` }, detail);
  const families = parsed.families.size;
  if (families === 0) return fail({ kind: 'metrics-missing', url, message: 'exposes no metrics at all' }, detail);
  const missing = missingMetrics(parsed.families, required);
  if (missing.length > 0) return fail({ kind: 'metrics-missing', url, message: `missing required metric${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}` }, { ...detail, families, missing });
  const slow = await judgeLatency(http, req, durationMs, budget(settings, DEFAULT_BUDGET_MS), detail);
  return slow ?? pass({ ...detail, families, required: required.length });
}
