import type { HttpClient } from '../core/http/request.ts';
import { UNREACHABLE_KINDS } from '../core/failure-class.ts';
import type { Check } from '../core/result.ts';
import { withRetries } from './attempts.ts';
import { checkDetailed } from './check-detailed.ts';
import { checkEndpoint } from './check-endpoint.ts';
import { checkHealth, type ProbeSettings } from './check-health.ts';
import { checkInfra, INFRA_CHECK_NAME, withDependents } from './check-infra.ts';
import { checkMetrics } from './check-metrics.ts';
import type { InfraProbes } from './infra-probes.ts';
import type { ServicePlan } from './plan.ts';
import { atEveryReplica, type Lookup } from './replicas.ts';
import type { TokenResult } from './token.ts';
import { skip, timedCheck, type Verdict } from './verdict.ts';
import { waitUntilHealthy } from './wait.ts';

/** Everything the checks need from outside, passed in. */
export interface SmokeRuntime {
  http: HttpClient;
  infra: InfraProbes;
  /** DNS for `replicas.discover: dns`. */
  lookup: Lookup;
  env: string;
  settings: ProbeSettings;
  retries: number;
  waitMs: number | undefined;
  token: () => Promise<TokenResult>;
  sleep?: (ms: number) => Promise<void>;
}

export function retried(rt: SmokeRuntime, attempt: () => Promise<Verdict>): Promise<Verdict> {
  return withRetries({ retries: rt.retries, signal: rt.settings.signal, ...(rt.sleep ? { sleep: rt.sleep } : {}) }, attempt);
}

/** The health check at the service URL, or at every replica; in wait mode it polls until healthy or the deadline. */
export function healthCheck(plan: ServicePlan, rt: SmokeRuntime): Promise<Check> {
  const health = plan.health!;
  const waitMs = rt.waitMs;
  const once = (settings: ProbeSettings) => atEveryReplica(plan, rt.env, rt.lookup, settings.timeoutMs, (base) => checkHealth(rt.http, `${base}${health.path}`, health.expect, settings));
  return timedCheck({ service: plan.id, name: 'health' }, () =>
    waitMs === undefined
      ? retried(rt, () => once(rt.settings))
      : waitUntilHealthy((left) => once({ ...rt.settings, timeoutMs: Math.min(rt.settings.timeoutMs, left) }), { waitMs, signal: rt.settings.signal, ...(rt.sleep ? { sleep: rt.sleep } : {}) }),
  );
}

/** True when the health check shows the service did not answer at all (no replica of it either): its other checks are skipped, not failed again. */
export function unreachable(health: Check | undefined): boolean {
  const answered = (health?.detail?.['replicas'] as { answered?: number } | undefined)?.answered ?? 0;
  return health?.outcome === 'fail' && health.failure !== undefined && UNREACHABLE_KINDS.has(health.failure.kind) && answered === 0;
}

/** Detailed health and metrics (at every replica), key endpoints, concurrently; skipped (with the reason) when the service is unreachable. */
export async function otherChecks(plan: ServicePlan, rt: SmokeRuntime, health: Check | undefined): Promise<Check[]> {
  const work: [string, () => Promise<Verdict>][] = [];
  const detailed = plan.health?.detailedPath;
  if (detailed) work.push(['health-detailed', () => atEveryReplica(plan, rt.env, rt.lookup, rt.settings.timeoutMs, (base) => checkDetailed(rt.http, `${base}${detailed}`, rt.settings))]);
  for (const endpoint of plan.endpoints) work.push([`endpoint:${endpoint.name}`, () => checkEndpoint(rt.http, endpoint, rt.settings, rt.token)]);
  const metrics = plan.metrics;
  if (metrics) work.push(['metrics', () => atEveryReplica(plan, rt.env, rt.lookup, rt.settings.timeoutMs, (base) => checkMetrics(rt.http, base === plan.baseUrl ? metrics.url : `${base}${metrics.path}`, metrics.required, rt.settings))]);
  if (unreachable(health)) {
    const reason = `not checked: ${plan.id} did not answer its health check (${health?.failure?.kind})`;
    return Promise.all(work.map(([name]) => timedCheck({ service: plan.id, name }, async () => skip(reason))));
  }
  return Promise.all(work.map(([name, run]) => timedCheck({ service: plan.id, name }, () => retried(rt, run))));
}

/** An infrastructure entry's one check (skip with the reason when the environment gives no URL); a failure names who uses it. */
export function infraCheck(plan: ServicePlan, rt: SmokeRuntime): Promise<Check> {
  const name = plan.kind === 'http' ? 'health' : INFRA_CHECK_NAME[plan.kind];
  return timedCheck({ service: plan.id, name }, async () => withDependents(await retried(rt, () => checkInfra(plan, rt.env, rt.http, rt.infra, rt.settings)), plan.dependents));
}
