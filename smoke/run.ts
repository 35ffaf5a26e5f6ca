import { resolveCatalog, type ResolvedCatalog } from '../core/catalog/resolve.ts';
import { formatDuration } from '../core/duration.ts';
import { createHttpClient } from '../core/http/request.ts';
import { suiteOutcome, type Check, type SuiteResult } from '../core/result.ts';
import type { SuiteRunner } from '../core/suite.ts';
import { realInfraProbes } from './infra-probes.ts';
import { planJourneys } from './journey-plan.ts';
import { journeyChecks } from './journeys.ts';
import { parseSmokeSettings, type SmokeOptions } from './options.ts';
import { endpointPlan, planServices, type EndpointPlan, type ServicePlan } from './plan.ts';
import { healthCheck, infraCheck, otherChecks, type SmokeRuntime } from './service-checks.ts';
import { loginBody, tokenSource } from './token.ts';

export type { SmokeOptions } from './options.ts';

/** The catalog's login endpoint (schema LoginResponse), at its own service, for `auth: true` endpoints. */
function directLogin(all: ResolvedCatalog): { endpoint: EndpointPlan; serviceId: string; body: Record<string, unknown> | undefined } | undefined {
  for (const s of all.services) {
    const found = s.service.endpoints.find((e) => e.schema === 'LoginResponse');
    if (found && s.baseUrl) return { endpoint: endpointPlan(s.baseUrl, found), serviceId: s.service.id, body: found.body };
  }
  return undefined;
}

async function serviceChecks(plan: ServicePlan, rt: SmokeRuntime, healths: Map<string, Promise<Check | undefined>>): Promise<Check[]> {
  if (plan.kind !== 'http' || !plan.healthUrl) return [await infraCheck(plan, rt)];
  const health = healthCheck(plan, rt);
  healths.set(plan.id, health);
  const first = await health;
  return [first, ...(await otherChecks(plan, rt, first))];
}

/**
 * The smoke suite: is every selected service up, wired and answering its key endpoints?
 * Driven only by the catalog. Services are checked concurrently over one keep-alive pool; the
 * gateway journeys keep their own order. A selection with no URL at all is a config error (exit 2).
 */
export const runSmoke: SuiteRunner<SmokeOptions> = async (ctx, options) => {
  const settings = parseSmokeSettings(options);
  const plans = planServices(ctx.resolved);
  const all = resolveCatalog(ctx.resolved.catalog, ctx.resolved.env, ctx.env);
  const login = directLogin(all);
  const selected = plans.map((p) => p.id);
  const probe = { timeoutMs: settings.timeoutMs, signal: ctx.signal, budgetScale: settings.budgetScale };
  const http = options.http ?? createHttpClient();
  const body = loginBody(login?.body, ctx.env);
  const rt: SmokeRuntime = {
    http,
    infra: options.infra ?? realInfraProbes,
    env: ctx.resolved.env,
    settings: probe,
    retries: settings.retries,
    waitMs: settings.waitMs,
    token: tokenSource(http, login?.endpoint, body, probe, login !== undefined && selected.includes(login.serviceId)),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const started = ctx.now();
  const clock = performance.now();
  ctx.log(`smoke: ${plans.length} service(s) in ${ctx.resolved.env}${settings.waitMs ? `, waiting up to ${formatDuration(settings.waitMs)} for health` : ''}`);
  const healths = new Map<string, Promise<Check | undefined>>();
  const perService = plans.map((plan) => serviceChecks(plan, rt, healths));
  const journeys = planJourneys(all, selected);
  const journeyRun = journeys ? journeyChecks(journeys, rt, healths.get(journeys.gatewayId) ?? Promise.resolve(undefined), body, ctx.runId) : Promise.resolve([]);
  const checks = [...(await Promise.all(perService)).flat(), ...(await journeyRun)];
  const neverUp = checks.filter((c) => c.name === 'health' && c.detail?.['neverHealthy'] === true).map((c) => c.service);
  const result: SuiteResult = {
    suite: 'smoke',
    outcome: suiteOutcome(checks),
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - clock),
    checks,
    data: { env: ctx.resolved.env, services: selected, timeoutMs: settings.timeoutMs, retries: settings.retries, budgetScale: settings.budgetScale, ...(settings.waitMs ? { waitMs: settings.waitMs } : {}) },
  };
  if (neverUp.length > 0 && settings.waitMs) result.reason = `never came up within ${formatDuration(settings.waitMs)}: ${neverUp.join(', ')}`;
  return result;
};
