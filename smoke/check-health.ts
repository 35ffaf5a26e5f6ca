import type { HttpClient } from '../core/http/request.ts';
import { valueAtPath, type HealthExpectation } from './health-expectation.ts';
import { checkJson, checkText } from './http-check.ts';
import { DEFAULT_BUDGET_MS } from './plan.ts';
import { fail, type Verdict } from './verdict.ts';

export interface ProbeSettings {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Multiplies every latency budget (a slower environment); default 1. */
  budgetScale?: number;
}

/** A latency budget scaled for the environment. */
export function budget(settings: ProbeSettings, ms: number): number {
  return ms * (settings.budgetScale ?? 1);
}

/** The state word of a JSON health body: healthy passes, degraded warns, anything else (or none) fails. */
export function judgeState(url: string, expect: HealthExpectation, json: unknown, status: number): Verdict | undefined {
  if (expect.field === null) return undefined;
  const value = valueAtPath(json, expect.field);
  const pointer = `/${expect.field.split('.').join('/')}`;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return fail({ kind: 'schema', url, field: pointer, message: `health body has no "${expect.field}" state (expected one of: ${[...expect.healthy, ...expect.degraded].join(', ')})` });
  }
  const word = String(value);
  if (expect.healthy.includes(word)) return undefined;
  if (expect.degraded.includes(word)) return { outcome: 'warn', detail: { reason: `reports ${expect.field} "${word}"` } };
  return fail({ kind: 'dependency-down', url, field: pointer, message: `answers ${status} but reports ${expect.field} "${word}"` });
}

/**
 * GET the health path and judge it by the service's expectations: the status, then the body (JSON
 * with a state word and optionally a schema; text matching a regex; or not read), then the budget.
 */
export async function checkHealth(http: HttpClient, url: string, expect: HealthExpectation, settings: ProbeSettings): Promise<Verdict> {
  const req = { url, timeoutMs: settings.timeoutMs, signal: settings.signal };
  const budgetMs = budget(settings, DEFAULT_BUDGET_MS);
  if (expect.body !== 'json') return checkText(http, req, { status: [expect.status], match: expect.body === 'text' ? expect.match : undefined, budgetMs });
  const { verdict } = await checkJson(http, req, { status: [expect.status], schema: expect.schema, budgetMs, judge: (json, status) => judgeState(url, expect, json, status) });
  return verdict;
}
