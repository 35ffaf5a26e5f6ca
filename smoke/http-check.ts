import { notJsonFailure, schemaFailure, slowFailure, statusFailure, textMismatchFailure } from '../core/http/classify-response.ts';
import type { HttpClient, HttpRequest } from '../core/http/request.ts';
import type { CompiledSchema } from '../core/json-schema/registry.ts';
import { fail, pass, type Verdict } from './verdict.ts';

/** Journeys check wiring, not speed (the key endpoints carry the budgets): their steps use no budget. */
export const NO_BUDGET = Number.POSITIVE_INFINITY;

export interface Expectation {
  /** Accepted statuses; the first is named in the failure. */
  status: readonly number[];
  /** The body must be JSON; with a schema, it must also match it. */
  schema?: CompiledSchema | undefined;
  /** Over this the check fails as `slow`. */
  budgetMs: number;
  /** A judgement of the parsed (and schema-checked) body: a failure wins over latency (a service that answers wrongly is not merely slow); a warning yields to it. */
  judge?: (json: unknown, status: number) => Verdict | undefined;
}

export interface JsonCheckResult {
  verdict: Verdict;
  /** The parsed body when it was JSON (even if it failed the schema), for cleanup and follow-up steps. */
  json?: unknown;
  status?: number;
  /** The raw body, when a response arrived. */
  text?: string;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * One HTTP exchange checked in order: transport, status, JSON, schema, the caller's judgement, latency budget.
 * The first problem found is the verdict, classified (refused, DNS, timeout, TLS, status, schema with its JSON pointer, slow).
 */
export async function checkJson(http: HttpClient, req: HttpRequest, expect: Expectation): Promise<JsonCheckResult> {
  const result = await http.send(req);
  const method = req.method ?? 'GET';
  if (!result.ok) return { verdict: fail(result.failure, { method, latencyMs: Math.round(result.durationMs) }) };
  const { status, text, durationMs } = result.response;
  const detail = { url: req.url, method, status, latencyMs: Math.round(durationMs) };
  const parsed = tryJson(text);
  const json = parsed.ok ? parsed.value : undefined;
  if (!expect.status.includes(status)) return { verdict: fail(statusFailure(req.url, status, expect.status[0] ?? 200, text), detail), json, status, text };
  if (!parsed.ok) return { verdict: fail(notJsonFailure(req.url, expect.schema?.name ?? 'a JSON body', text), detail), status, text };
  const issues = expect.schema?.check(json) ?? [];
  if (expect.schema && issues.length > 0) return { verdict: fail(schemaFailure(req.url, expect.schema.name, issues), detail), json, status, text };
  const judged = expect.judge?.(json, status);
  const withDetail = judged && { ...judged, detail: { ...detail, ...judged.detail } };
  if (withDetail?.outcome === 'fail') return { verdict: withDetail, json, status, text };
  const slow = await judgeLatency(http, req, durationMs, expect.budgetMs, detail);
  return { verdict: slow ?? withDetail ?? pass(detail), json, status, text };
}

/** One exchange whose body is text: transport, status, optionally a regex the body must match, latency budget. */
export async function checkText(http: HttpClient, req: HttpRequest, expect: { status: readonly number[]; match?: RegExp | undefined; budgetMs: number }): Promise<Verdict> {
  const result = await http.send(req);
  const method = req.method ?? 'GET';
  if (!result.ok) return fail(result.failure, { method, latencyMs: Math.round(result.durationMs) });
  const { status, text, durationMs } = result.response;
  const detail = { url: req.url, method, status, latencyMs: Math.round(durationMs) };
  if (!expect.status.includes(status)) return fail(statusFailure(req.url, status, expect.status[0] ?? 200, text), detail);
  if (expect.match && !expect.match.test(text)) return fail(textMismatchFailure(req.url, expect.match, text), detail);
  return (await judgeLatency(http, req, durationMs, expect.budgetMs, detail)) ?? pass(detail);
}

/**
 * Over budget? One slow answer can be a cold start (first request after a deploy) or a CPU blip, so
 * a slow response is measured once more: slow again fails as `slow` with both times; fast the second
 * time is a WARN that keeps the first time visible. Undefined when within budget.
 */
export async function judgeLatency(http: HttpClient, req: HttpRequest, firstMs: number, budgetMs: number, detail: Record<string, unknown>): Promise<Verdict | undefined> {
  if (firstMs <= budgetMs) return undefined;
  const again = await http.send(req);
  const secondMs = again.ok ? again.response.durationMs : undefined;
  const latencies = { ...detail, latencyMs: Math.round(firstMs), ...(secondMs === undefined ? {} : { confirmLatencyMs: Math.round(secondMs) }) };
  const first = slowFailure(req.url, firstMs, budgetMs);
  if (secondMs !== undefined && secondMs <= budgetMs) {
    const reason = `first response ${first.message}; a second took ${Math.round(secondMs)} ms`;
    return { outcome: 'warn', failure: { ...first, message: reason }, detail: { ...latencies, reason } };
  }
  const then = secondMs === undefined ? `a second attempt failed: ${again.ok ? '' : again.failure.message}` : `a second took ${Math.round(secondMs)} ms`;
  return fail({ ...first, message: `${first.message}; ${then}` }, latencies);
}

/** One exchange where only the status matters (DELETE, a read that must be gone). */
export async function checkStatus(http: HttpClient, req: HttpRequest, statuses: readonly number[]): Promise<Verdict> {
  const result = await http.send(req);
  const method = req.method ?? 'GET';
  if (!result.ok) return fail(result.failure, { method });
  const { status, text, durationMs } = result.response;
  const detail = { url: req.url, method, status, latencyMs: Math.round(durationMs) };
  return statuses.includes(status) ? pass(detail) : fail(statusFailure(req.url, status, statuses[0] ?? 200, text), detail);
}
