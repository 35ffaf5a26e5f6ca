import type { z } from 'zod';
import { notJsonFailure, schemaFailure, slowFailure, statusFailure } from '../core/http/classify-response.ts';
import type { HttpClient, HttpRequest } from '../core/http/request.ts';
import { fail, pass, type Verdict } from './verdict.ts';

export interface Expectation {
  /** Accepted statuses; the first is named in the failure. */
  status: readonly number[];
  schemaName: string;
  schema: z.ZodType;
  /** Over this the check fails as `slow`. */
  budgetMs: number;
}

export interface JsonCheckResult {
  verdict: Verdict;
  /** The parsed body when it was JSON (even if it failed the schema), for cleanup and follow-up steps. */
  json?: unknown;
  status?: number;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * One HTTP exchange checked in order: transport, status, JSON, schema, latency budget.
 * The first problem found is the verdict, classified (refused, DNS, timeout, TLS, status, schema with field, slow).
 */
export async function checkJson(http: HttpClient, req: HttpRequest, expect: Expectation): Promise<JsonCheckResult> {
  const result = await http.send(req);
  const method = req.method ?? 'GET';
  if (!result.ok) return { verdict: fail(result.failure, { method, latencyMs: Math.round(result.durationMs) }) };
  const { status, text, durationMs } = result.response;
  const detail = { url: req.url, method, status, latencyMs: Math.round(durationMs) };
  const parsed = tryJson(text);
  const json = parsed.ok ? parsed.value : undefined;
  if (!expect.status.includes(status)) return { verdict: fail(statusFailure(req.url, status, expect.status[0] ?? 200, text), detail), json, status };
  if (!parsed.ok) return { verdict: fail(notJsonFailure(req.url, expect.schemaName, text), detail), status };
  const checked = expect.schema.safeParse(json);
  if (!checked.success) return { verdict: fail(schemaFailure(req.url, expect.schemaName, checked.error), detail), json, status };
  if (durationMs > expect.budgetMs) return { verdict: fail(slowFailure(req.url, durationMs, expect.budgetMs), detail), json, status };
  return { verdict: pass(detail), json: checked.data, status };
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
