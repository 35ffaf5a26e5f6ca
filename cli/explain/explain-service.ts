import { replicaEnvVar, urlEnvVar } from '../../core/catalog/resolve.ts';
import type { Catalog, Endpoint, Health, Service } from '../../core/catalog/schema.ts';
import { schemaName, type ExplainContext } from './context.ts';
import { explainDependencies } from './explain-dependencies.ts';
import { explainSlos } from './explain-slos.ts';
import { inline, joined, regex, share } from './words.ts';

/** What smoke reads of a health answer. */
function healthText(health: Health, ctx: ExplainContext): string {
  const body = health.body === 'text'
    ? `body text: match ${regex(health.match ?? '')}`
    : health.body === 'none'
      ? 'body none (status only)'
      : `body json: ${health.field === null ? 'field null (the JSON alone decides)' : `field "${health.field}" is one of healthy ${inline(health.healthy)} (degraded ${inline(health.degraded)}: a warning)`}${health.schema !== undefined ? `, schema ${schemaName(health.schema, ctx)}` : ''}`;
  return `GET ${health.path}, status ${health.status}, ${body}${health.detailed ? `; detailed ${health.detailed} (its dependencies map: each one up)` : ''}`;
}

function endpointText(e: Endpoint, ctx: ExplainContext): string {
  const body = e.response === 'json'
    ? `response json${e.schema !== undefined ? `, schema ${schemaName(e.schema, ctx)}` : ' (no schema: any JSON)'}`
    : e.response === 'text' ? `response text${e.match !== undefined ? `, match ${regex(e.match)}` : ' (any text)'}` : 'response none (status only)';
  const params = Object.keys(e.load.params).length > 0 ? `, load.params ${inline(e.load.params)}` : '';
  const load = e.load.weight === 0
    ? 'load.weight 0: not loaded'
    : `load.weight ${e.load.weight} (${share(e.load.weight, ctx.totalWeight)} of the endpoints scenario's requests${params})`;
  const saga = e.saga
    ? `saga ${e.saga.name} (before it answers: ${e.saga.steps.map((s) => `call ${s.call}${s.compensate ? `, undone by ${s.compensate}` : ''}`).join('; ')}; counted in saga_transactions_total)`
    : '';
  const publishes = e.publishes.length > 0 ? `publishes ${inline(e.publishes)} on a 2xx answer (their examples, on the bus)` : '';
  const extras = [e.body ? `body ${inline(e.body)}` : '', e.auth ? 'auth: sends the login token' : '', e.example !== undefined ? 'example (the reference stack answers with it)' : '', saga, publishes].filter(Boolean);
  return `${e.method} ${e.path}, status ${e.status}, ${body}, budgetMs ${e.budgetMs}${extras.length ? `, ${extras.join(', ')}` : ''}; ${load}`;
}

function replicasLines(service: Service): string[] {
  const r = service.replicas;
  if (!r) return [];
  const where = [
    ...Object.entries(r.urls).map(([env, urls]) => `urls.${env}: ${urls.length} listed`),
    ...(r.discover ? [`discover: ${r.discover} (every A/AAAA record of the URL's host)`] : []),
  ];
  return [`  replicas: count ${r.count} (the reference stack runs ${r.count}); ${joined(where)}; ${replicaEnvVar(service.id)} overrides; smoke checks health at each one (the report says e.g. "2 of 3 replicas healthy")`];
}

/** The probe smoke runs for an infrastructure entry. */
function infraText(service: Service, ctx: ExplainContext): string {
  const url = urlEnvVar(service.id);
  switch (service.kind) {
    case 'postgres': return `postgres: smoke runs SELECT 1 at ${url} (skipped without it)${service.databases ? `; databases ${inline(service.databases)} (the local target creates them)` : ''}`;
    case 'redis': return `redis: smoke sends PING to ${url} (skipped without it)`;
    case 'tcp': return `tcp: smoke opens a TCP connection to ${url} (skipped without it)`;
    default: return `http-probe: smoke GETs ${url} + health, judged as health says: ${service.health ? healthText(service.health, ctx) : 'no health'}`;
  }
}

/** Who lists `id` under dependencies.infrastructure (named when its probe fails). */
function usedBy(catalog: Catalog, id: string): string[] {
  return catalog.services.flatMap((s) => s.dependencies.infrastructure.filter((d) => d.id === id).map((d) => (d.database ? `${s.id} (${d.database})` : s.id)));
}

export function explainService(service: Service, index: number, ctx: ExplainContext): string[] {
  const url = service.kind === 'http' ? `${urlEnvVar(service.id)} overrides its URL` : `its URL from ${urlEnvVar(service.id)} or urls.<env>`;
  const head = `services[${index}] ${service.id}: kind ${service.kind}, port ${service.port} (${url})${service.description ? ` - ${service.description}` : ''}`;
  if (service.kind !== 'http') {
    return [head, `  ${infraText(service, ctx)}; a failure names its users: ${joined(usedBy(ctx.catalog, service.id))}`];
  }
  return [
    head,
    ...Object.entries(service.urls).map(([env, url]) => `  urls.${env}: ${url} (instead of the urlTemplate)`),
    `  health: ${service.health ? healthText(service.health, ctx) : 'none'}`,
    `  metrics: ${service.metrics ? `GET ${service.metrics.path}, Prometheus text, required ${inline(service.metrics.required)}` : 'none (no /metrics check)'}`,
    ...replicasLines(service),
    ...(service.router ? [`  router: balance ${service.router.balance} (a replica that refuses the connection is skipped); routes ${joined(service.router.routes.map((r) => `${r.prefix} -> ${r.to}`))}`] : []),
    ...(service.endpoints.length === 0 ? ['  endpoints: none (smoke checks health only; the endpoints scenario does not load it)'] : []),
    ...service.endpoints.map((e, j) => `  endpoints[${j}] ${e.name}: ${endpointText(e, ctx)}`),
    ...explainDependencies(service, ctx),
    ...explainSlos(service, ctx.catalog),
  ];
}
