import { resolveCatalog, type ResolvedCatalog } from '../core/catalog/resolve.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import { formatDuration } from '../core/duration.ts';
import { createAgent } from '../core/http/agent.ts';
import { createHttpClient } from '../core/http/request.ts';
import { suiteOutcome, type Check, type SuiteResultOf } from '../core/result.ts';
import type { SuiteContext, SuiteRunner } from '../core/suite.ts';
import { realInfraProbes } from './infra-probes.ts';
import { planJourneys } from './journey-plan.ts';
import { journeyChecks } from './journeys.ts';
import { parseSmokeSettings, type SmokeOptions } from './options.ts';
import { endpointPlan, planServices, type ServicePlan } from './plan.ts';
import { dnsLookup } from './replicas.ts';
import { healthCheck, infraCheck, otherChecks, type SmokeRuntime } from './service-checks.ts';
import { loginBody, tokenSource, type LoginPlan } from './token.ts';

export type { SmokeOptions } from './options.ts';

/** The catalog's `auth.login` endpoint at its own service, for `auth: true` endpoints. */
function directLogin(all: ResolvedCatalog): (LoginPlan & { body: Record<string, unknown> | undefined }) | undefined {
  const auth = all.catalog.auth;
  const s = auth && all.services.find((r) => r.service.id === auth.login.service);
  const found = s?.service.endpoints.find((e) => e.name === auth!.login.endpoint);
  if (!auth || !s?.baseUrl || !found) return undefined;
  return { endpoint: endpointPlan(s.baseUrl, found, catalogSchemas(all.catalog)), serviceId: s.service.id, body: found.body, use: auth };
}

async function serviceChecks(plan: ServicePlan, rt: SmokeRuntime, healths: Map<string, Promise<Check | undefined>>): Promise<Check[]> {
  if (plan.kind !== 'http' || !plan.health) return [await infraCheck(plan, rt)];
  const health = healthCheck(plan, rt);
  healths.set(plan.id, health);
  const first = await health;
  return [first, ...(await otherChecks(plan, rt, first))];
}

async function checkAll(ctx: SuiteContext, plans: ServicePlan[], rt: SmokeRuntime, all: ResolvedCatalog, body: Record<string, unknown>): Promise<Check[]> {
  const healths = new Map<string, Promise<Check | undefined>>();
  const perService = plans.map((plan) => serviceChecks(plan, rt, healths));
  const journeys = planJourneys(all, plans.map((p) => p.id));
  const gatewayHealth = journeys ? (healths.get(journeys.gatewayId) ?? Promise.resolve(undefined)) : undefined;
  const journeyRun = journeys && gatewayHealth ? journeyChecks(journeys, rt, gatewayHealth, body, ctx.runId) : Promise.resolve([]);
  return [...(await Promise.all(perService)).flat(), ...(await journeyRun)];
}

/**
 * The smoke suite: is every selected service up, wired and answering its key endpoints?
 * Driven only by the catalog. Services are checked concurrently over one keep-alive pool (closed
 * at the end, so the process exits at once); the gateway journeys keep their own order. A selection
 * with no URL at all is a config error (exit 2).
 */
export const runSmoke: SuiteRunner<SmokeOptions, 'smoke'> = async (ctx, options) => {
  const settings = parseSmokeSettings(options);
  const all = resolveCatalog(ctx.resolved.catalog, ctx.resolved.env, ctx.env);
  const login = directLogin(all);
  // The login key endpoint sends the same (possibly overridden) credentials as the journeys.
  const plans = planServices(ctx.resolved).map((p) => ({
    ...p,
    endpoints: p.endpoints.map((e) => (p.id === login?.serviceId && e.name === login.endpoint.name ? { ...e, body: loginBody(e.body, ctx.env) } : e)),
  }));
  const probe = { timeoutMs: settings.timeoutMs, signal: ctx.signal, budgetScale: settings.budgetScale };
  const agent = options.http ? undefined : createAgent({ connectTimeoutMs: settings.timeoutMs });
  const http = options.http ?? createHttpClient(agent ? { dispatcher: agent } : {});
  const body = loginBody(login?.body, ctx.env);
  const rt: SmokeRuntime = {
    http,
    infra: options.infra ?? realInfraProbes,
    lookup: options.lookup ?? dnsLookup,
    env: ctx.resolved.env,
    settings: probe,
    retries: settings.retries,
    waitMs: settings.waitMs,
    token: tokenSource(http, login, body, probe, login !== undefined && plans.some((p) => p.id === login.serviceId)),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  const started = ctx.now();
  const clock = performance.now();
  ctx.log(`smoke: ${plans.length} service(s) in ${ctx.resolved.env}${settings.waitMs ? `, waiting up to ${formatDuration(settings.waitMs)} for health` : ''}`);
  let checks: Check[];
  try {
    checks = await checkAll(ctx, plans, rt, all, body);
  } finally {
    await agent?.close();
  }
  const neverUp = checks.filter((c) => c.name === 'health' && c.detail?.['neverHealthy'] === true).map((c) => c.service);
  const result: SuiteResultOf<'smoke'> = {
    suite: 'smoke',
    outcome: suiteOutcome(checks),
    startedAt: started.toISOString(),
    durationMs: Math.round(performance.now() - clock),
    checks,
    data: { env: ctx.resolved.env, services: plans.map((p) => p.id), timeoutMs: settings.timeoutMs, retries: settings.retries, budgetScale: settings.budgetScale, ...(settings.waitMs ? { waitMs: settings.waitMs } : {}) },
  };
  if (neverUp.length > 0 && settings.waitMs) result.reason = `never came up within ${formatDuration(settings.waitMs)}: ${neverUp.join(', ')}`;
  return result;
};
