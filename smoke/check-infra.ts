import { z } from 'zod';
import type { HttpClient } from '../core/http/request.ts';
import { budget, type ProbeSettings } from './check-health.ts';
import { checkJson } from './http-check.ts';
import type { InfraProbes } from './infra-probes.ts';
import { DEFAULT_BUDGET_MS, type ServicePlan } from './plan.ts';
import { skip, type Verdict } from './verdict.ts';

/** Chroma's heartbeat: `{"nanosecond heartbeat": <number>}`. */
const ChromaHeartbeat = z.record(z.string(), z.number()).refine((o) => Object.keys(o).length > 0, 'empty heartbeat');

export const INFRA_CHECK_NAME: Record<Exclude<ServicePlan['kind'], 'http'>, string> = {
  postgres: 'postgres:select-1',
  redis: 'redis:ping',
  chroma: 'chroma:heartbeat',
};

/** The reason an infrastructure check is skipped when the environment gives it no URL (never a pass). */
export function noUrlReason(plan: ServicePlan, env: string): string {
  const variable = `${plan.id.replace(/-/g, '_').toUpperCase()}_URL`;
  return `no URL for ${plan.id} in environment "${env}" (set ${variable} or urls.${env} in the catalog); not checked`;
}

/** PostgreSQL SELECT 1, Redis PING or Chroma heartbeat, against the URL the environment gives. */
export async function checkInfra(plan: ServicePlan, env: string, http: HttpClient, infra: InfraProbes, settings: ProbeSettings): Promise<Verdict> {
  if (!plan.baseUrl) return skip(noUrlReason(plan, env));
  if (plan.kind === 'postgres') return infra.postgres(plan.baseUrl, settings.timeoutMs);
  if (plan.kind === 'redis') return infra.redis(plan.baseUrl, settings.timeoutMs);
  const url = plan.healthUrl ?? `${plan.baseUrl}/api/v1/heartbeat`;
  const { verdict } = await checkJson(http, { url, timeoutMs: settings.timeoutMs, signal: settings.signal }, { status: [200], schemaName: 'ChromaHeartbeat', schema: ChromaHeartbeat, budgetMs: budget(settings, DEFAULT_BUDGET_MS) });
  return verdict;
}
