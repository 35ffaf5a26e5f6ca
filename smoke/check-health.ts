import type { z } from 'zod';
import type { HttpClient } from '../core/http/request.ts';
import { Health } from '../core/response-schemas.ts';
import { checkJson } from './http-check.ts';
import { DEFAULT_BUDGET_MS } from './plan.ts';
import type { Verdict } from './verdict.ts';

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

/** GET the health path: 200, a `Health` body, and `status: healthy` (degraded warns; unhealthy fails). */
export async function checkHealth(http: HttpClient, url: string, settings: ProbeSettings): Promise<Verdict> {
  const { verdict, json } = await checkJson(
    http,
    { url, timeoutMs: settings.timeoutMs, signal: settings.signal },
    { status: [200], schemaName: 'Health', schema: Health, budgetMs: budget(settings, DEFAULT_BUDGET_MS) },
  );
  if (verdict.outcome !== 'pass') return verdict;
  const body = json as z.infer<typeof Health>;
  if (body.status === 'degraded') return { outcome: 'warn', detail: { ...verdict.detail, reason: 'reports status "degraded"' } };
  if (body.status !== 'healthy') {
    return { outcome: 'fail', failure: { kind: 'dependency-down', url, field: 'status', message: `answers 200 but reports status "${body.status}"` }, detail: verdict.detail };
  }
  return verdict;
}
