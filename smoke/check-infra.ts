import type { HttpClient } from '../core/http/request.ts';
import { urlEnvVar } from '../core/catalog/resolve.ts';
import { checkHealth, type ProbeSettings } from './check-health.ts';
import type { InfraProbes } from './infra-probes.ts';
import type { ServicePlan } from './plan.ts';
import { skip, type Verdict } from './verdict.ts';

export const INFRA_CHECK_NAME: Record<Exclude<ServicePlan['kind'], 'http'>, string> = {
  postgres: 'postgres:select-1',
  redis: 'redis:ping',
  tcp: 'tcp:connect',
  'http-probe': 'health',
};

/** The reason an infrastructure check is skipped when the environment gives it no URL (never a pass). */
export function noUrlReason(plan: ServicePlan, env: string): string {
  return `no URL for ${plan.id} in environment "${env}" (set ${urlEnvVar(plan.id)} or urls.${env} in the catalog); not checked`;
}

/** A failed probe names the services that use the entry: `; used by auth-service (tracseq_prod), sample-service (tracseq_prod)`. */
export function withDependents(verdict: Verdict, dependents: readonly string[]): Verdict {
  if (verdict.outcome !== 'fail' || !verdict.failure || dependents.length === 0) return verdict;
  return { ...verdict, failure: { ...verdict.failure, message: `${verdict.failure.message}; used by ${dependents.join(', ')}` }, detail: { ...verdict.detail, dependents } };
}

/** PostgreSQL SELECT 1, Redis PING, a TCP connect, or an HTTP GET judged by the health expectations, against the URL the environment gives. */
export async function checkInfra(plan: ServicePlan, env: string, http: HttpClient, infra: InfraProbes, settings: ProbeSettings): Promise<Verdict> {
  if (!plan.baseUrl) return skip(noUrlReason(plan, env));
  if (plan.kind === 'postgres') return infra.postgres(plan.baseUrl, settings.timeoutMs);
  if (plan.kind === 'redis') return infra.redis(plan.baseUrl, settings.timeoutMs);
  if (plan.kind === 'tcp') return infra.tcp(plan.baseUrl, settings.timeoutMs);
  if (!plan.health) return skip(`${plan.id} has no health expectations; not checked`);
  return checkHealth(http, plan.health.url, plan.health.expect, settings);
}
