import { catalogEdges } from '../../core/catalog/edges.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { catalogSchemas } from '../../core/catalog/schemas.ts';
import { schemaName, type ExplainContext } from './context.ts';
import { explainService } from './explain-service.ts';
import { inline, joined } from './words.ts';

/**
 * `catalog validate FILE --explain`: what each field of a valid catalog makes the harness do, in
 * plain words, field by field (each line names its field as the catalog spells it). Pure: the
 * catalog in, lines out.
 */
export function explainCatalog(catalog: Catalog): string[] {
  const ctx: ExplainContext = { catalog, schemas: catalogSchemas(catalog), totalWeight: totalLoadWeight(catalog) };
  const http = catalog.services.filter((s) => s.kind === 'http').length;
  return [
    `${catalog.system} (catalogVersion ${catalog.catalogVersion}): ${catalog.services.length} services, ${http} of them http; what each field makes the harness do`,
    'environments:',
    ...Object.entries(catalog.environments).map(([name, e]) =>
      `  ${name}: urlTemplate ${e.urlTemplate} ({id} and {port} per service; <ID>_URL overrides one service)${e.production ? '; production: true (load refused unless --allow-production)' : ''}`),
    ...defaultsLines(catalog, ctx),
    ...metricsLines(catalog),
    ...sloDefaultsLines(catalog),
    ...authLines(catalog),
    ...contractsLines(catalog),
    `events.bus: ${catalog.events.bus ? `${catalog.events.bus}: every published event is also a contract from its producer to the bus` : 'none: a published event is a contract only with the services that consume it'}`,
    ...loadLines(catalog),
    ...catalog.services.flatMap((service, i) => explainService(service, i, ctx)),
  ];
}

/** Every loaded endpoint's weight, added up (an endpoint's share of the endpoints scenario). */
function totalLoadWeight(catalog: Catalog): number {
  return catalog.services.filter((s) => s.kind === 'http').flatMap((s) => s.endpoints).reduce((sum, e) => sum + e.load.weight, 0);
}

function defaultsLines(catalog: Catalog, ctx: ExplainContext): string[] {
  const d = catalog.defaults;
  if (!d || (!d.health && !d.metrics && !d.endpoint)) return ['defaults: none'];
  return [
    'defaults: merged under every http service, its own fields winning one by one:',
    ...(d.health ? [`  defaults.health: ${inline({ ...d.health, ...(d.health.schema !== undefined ? { schema: schemaName(d.health.schema, ctx) } : {}) })}`] : []),
    ...(d.metrics ? [`  defaults.metrics: ${inline(d.metrics)}`] : []),
    ...(d.endpoint ? [`  defaults.endpoint: ${inline(d.endpoint)} (every key endpoint)`] : []),
  ];
}

function metricsLines(catalog: Catalog): string[] {
  const m = catalog.metrics;
  return [
    'metrics: the names the SLO queries use',
    `  metrics.labels: service=${m.labels.service}, status=${m.labels.status}, route=${m.labels.route}, method=${m.labels.method} ({{labels.<role>}} in objectives; the service label's value is the service id)`,
    `  metrics.requests: ${m.requests} (request counter); metrics.duration: ${m.duration} (histogram, _bucket and _count)`,
    `  metrics.excludeRoutes: ${m.excludeRoutes === '' ? '"" (every route judged)' : `${m.excludeRoutes} (routes the shorthands and {{selector}} leave out)`}`,
  ];
}

function sloDefaultsLines(catalog: Catalog): string[] {
  const d = catalog.sloDefaults;
  return [
    `sloDefaults: shorthands ${d.shorthands ? 'on' : 'off (sloDefaults.shorthands: false; a service turns them on with slos.shorthands: true)'}: availability ${d.availability}, errorRate ${d.errorRate}, latencyP95Ms ${d.latencyP95Ms}, latencyP99Ms ${d.latencyP99Ms}, windowDays ${d.windowDays}`,
    '  (each http service gets these unless its slos override them; they also set its k6 thresholds when it is loaded)',
  ];
}

function authLines(catalog: Catalog): string[] {
  const needing = catalog.services.flatMap((s) => s.endpoints.filter((e) => e.auth).map((e) => `${s.id} ${e.name}`));
  const auth = catalog.auth;
  if (!auth) return ['auth: none (no key endpoint sends a credential)'];
  const login = catalog.services.find((s) => s.id === auth.login.service)?.endpoints.find((e) => e.name === auth.login.endpoint);
  return [
    `auth.login: ${auth.login.service} ${auth.login.endpoint}${login ? ` (${login.method} ${login.path}, its body the credentials; TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD override email / password)` : ''}`,
    `  auth.token: ${auth.token} (where the token is in the answer); sent as auth.header ${auth.header}: ${auth.scheme ? `${auth.scheme} <token>` : '<token>'} (auth.scheme)`,
    `  needed by: ${joined(needing)}`,
  ];
}

function contractsLines(catalog: Catalog): string[] {
  const edges = catalogEdges(catalog);
  const examples = catalog.services.reduce((n, s) => n + s.dependencies.http.filter((d) => d.example).length + s.dependencies.publishes.filter((p) => p.example !== undefined).length, 0);
  const source = catalog.contracts.handWritten
    ? 'true: the hand-written consumer contracts (contracts/consumers.ts) run, and win over a generated interaction of the same edge'
    : 'false: every pact is generated from the catalog\'s examples';
  return [
    `contracts.handWritten: ${source}`,
    `  ${edges.length} edge${edges.length === 1 ? '' : 's'} between services, ${examples} with an example (a generated pact interaction)${edges.length === 0 ? '; with no edge the contracts suite has nothing to check and is skipped' : ''}`,
  ];
}

function loadLines(catalog: Catalog): string[] {
  const { journeys, entry } = catalog.load;
  return [
    `load.journeys: ${journeys ? 'true: the hand-written journeys run, and the endpoints scenario beside them' : 'false: a load step runs the endpoints scenario alone (every http service\'s key endpoints, by load.weight)'}`,
    `load.entry: ${entry ?? 'none'}${entry ? ' (the journeys enter through it; its SLOs judge all their requests together)' : ''}`,
  ];
}
