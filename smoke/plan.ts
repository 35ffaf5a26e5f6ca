import { replicaUrlProblem } from '../core/catalog/rules-access.ts';
import type { ReplicaSource, ResolvedCatalog, ResolvedService } from '../core/catalog/resolve.ts';
import { EndpointSchema, type Endpoint, type Service } from '../core/catalog/schema.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import { ConfigError } from '../core/errors.ts';
import type { CompiledSchema, SchemaRegistry } from '../core/json-schema/registry.ts';
import { healthExpectation, type HealthExpectation } from './health-expectation.ts';

/** One catalog endpoint, resolved against a base URL. */
export interface EndpointPlan {
  name: string;
  method: Endpoint['method'];
  url: string;
  status: number;
  /** json: the body is JSON (and matches `schema` when given); text: it matches `match` when given; none: status only. */
  response: Endpoint['response'];
  match?: RegExp | undefined;
  schema?: CompiledSchema | undefined;
  auth: boolean;
  body?: Record<string, unknown> | undefined;
  budgetMs: number;
}

export interface HealthPlan {
  /** The health URL at the service's own base URL. */
  url: string;
  path: string;
  detailedPath?: string;
  expect: HealthExpectation;
}

export interface ServicePlan {
  id: string;
  kind: Service['kind'];
  baseUrl: string | undefined;
  urlSource: string | undefined;
  health?: HealthPlan;
  /** `/metrics` at the service URL (`url`), and its `path` on every replica. */
  metrics?: { url: string; path: string; required: string[] };
  endpoints: EndpointPlan[];
  /** Replicas to check one by one (health and detailed health), and how many the catalog expects. */
  replicas?: { source: ReplicaSource | undefined; expected: number };
  /** Services that use this infrastructure entry (`sample-service (tracseq_samples)`), named when its probe fails. */
  dependents: string[];
}

/** The latency budget of a check the catalog gives no budget for (health, metrics): the schema's endpoint default. */
export const DEFAULT_BUDGET_MS = EndpointSchema.parse({ name: 'health', path: '/' }).budgetMs;

const PROTOCOLS: Record<ServicePlan['kind'], readonly string[]> = {
  http: ['http:', 'https:'],
  'http-probe': ['http:', 'https:'],
  tcp: ['tcp:'],
  postgres: ['postgres:', 'postgresql:'],
  redis: ['redis:', 'rediss:'],
};

export function endpointPlan(baseUrl: string, endpoint: Endpoint, schemas: SchemaRegistry): EndpointPlan {
  return {
    name: endpoint.name,
    method: endpoint.method,
    url: `${baseUrl}${endpoint.path}`,
    status: endpoint.status,
    response: endpoint.response,
    match: endpoint.match === undefined ? undefined : new RegExp(endpoint.match),
    schema: endpoint.schema === undefined ? undefined : schemas.get(endpoint.schema),
    auth: endpoint.auth,
    body: endpoint.body,
    budgetMs: endpoint.budgetMs,
  };
}

/** `url problem` lines for base URLs (and replica URLs from the environment) that cannot be used. */
export function urlProblems(services: readonly ResolvedService[]): string[] {
  return services.flatMap((s) => {
    const replicas = s.replicas?.kind === 'urls' && !s.replicas.source.startsWith('catalog') ? s.replicas : undefined;
    const replicaProblems = (replicas?.urls ?? []).flatMap((u) => replicaUrlProblem(u).map((p) => `${replicas!.source}: ${p} (service ${s.service.id})`));
    if (!s.baseUrl) return replicaProblems;
    const allowed = PROTOCOLS[s.service.kind];
    let protocol = '';
    try {
      protocol = new URL(s.baseUrl).protocol;
    } catch {
      return [`${s.urlSource ?? s.service.id}: "${s.baseUrl}" is not a URL (service ${s.service.id})`, ...replicaProblems];
    }
    const own = allowed.includes(protocol) ? [] : [`${s.urlSource ?? s.service.id}: "${s.baseUrl}" must use ${allowed.join(' or ')} (service ${s.service.id} is ${s.service.kind})`];
    return [...own, ...replicaProblems];
  });
}

/** Who uses infrastructure entry `id`, as `auth-service (tracseq_prod)`. */
export function dependentsOf(resolved: ResolvedCatalog, id: string): string[] {
  return resolved.catalog.services.flatMap((s) =>
    s.dependencies.infrastructure.filter((d) => d.id === id).map((d) => (d.database ? `${s.id} (${d.database})` : s.id)),
  );
}

export function servicePlan(s: ResolvedService, schemas: SchemaRegistry, dependents: string[] = []): ServicePlan {
  const { service, baseUrl } = s;
  const plan: ServicePlan = { id: service.id, kind: service.kind, baseUrl, urlSource: s.urlSource, endpoints: [], dependents };
  const expected = service.replicas?.count ?? 1;
  if (s.replicas || expected > 1) plan.replicas = { source: s.replicas, expected };
  if (!baseUrl) return plan;
  const health = service.health;
  if (health) {
    plan.health = { url: `${baseUrl}${health.path}`, path: health.path, expect: healthExpectation(health, schemas), ...(health.detailed ? { detailedPath: health.detailed } : {}) };
  }
  if (service.metrics) plan.metrics = { url: `${baseUrl}${service.metrics.path}`, path: service.metrics.path, required: service.metrics.required };
  plan.endpoints = service.endpoints.map((e) => endpointPlan(baseUrl, e, schemas));
  return plan;
}

/**
 * Plans the per-service checks from the catalog alone. A selection with no service at all, or with
 * no URL for any service, is a configuration error (exit 2): nothing could be checked, so nothing passes.
 */
export function planServices(resolved: ResolvedCatalog): ServicePlan[] {
  if (resolved.services.length === 0) throw new ConfigError(`catalog ${resolved.catalog.system}: no service selected, nothing to smoke-test`);
  if (!resolved.services.some((s) => s.baseUrl)) {
    const names = resolved.services.map((s) => s.service.id).join(', ');
    throw new ConfigError(`environment "${resolved.env}": none of the selected services has a URL (${names})`);
  }
  const problems = urlProblems(resolved.services);
  if (problems.length > 0) throw new ConfigError(`environment "${resolved.env}": unusable service URL${problems.length === 1 ? '' : 's'}`, problems);
  const schemas = catalogSchemas(resolved.catalog);
  return resolved.services.map((s) => servicePlan(s, schemas, s.service.kind === 'http' ? [] : dependentsOf(resolved, s.service.id)));
}
