import type { ResolvedCatalog, ResolvedService } from '../core/catalog/resolve.ts';
import { EndpointSchema, type Endpoint } from '../core/catalog/schema.ts';
import { ConfigError } from '../core/errors.ts';

/** One catalog endpoint, resolved against a base URL. */
export interface EndpointPlan {
  name: string;
  method: Endpoint['method'];
  url: string;
  status: number;
  schemaName: string;
  auth: boolean;
  body?: Record<string, unknown> | undefined;
  budgetMs: number;
}

export interface ServicePlan {
  id: string;
  kind: ResolvedService['service']['kind'];
  baseUrl: string | undefined;
  urlSource: string | undefined;
  healthUrl?: string;
  detailedUrl?: string;
  metrics?: { url: string; required: string[] };
  endpoints: EndpointPlan[];
}

/** The latency budget of a check the catalog gives no budget for (health, metrics): the schema's endpoint default. */
export const DEFAULT_BUDGET_MS = EndpointSchema.parse({ name: 'health', path: '/', schema: 'Health' }).budgetMs;

const PROTOCOLS: Record<ServicePlan['kind'], readonly string[]> = {
  http: ['http:', 'https:'],
  chroma: ['http:', 'https:'],
  postgres: ['postgres:', 'postgresql:'],
  redis: ['redis:', 'rediss:'],
};

export function endpointPlan(baseUrl: string, endpoint: Endpoint): EndpointPlan {
  return {
    name: endpoint.name,
    method: endpoint.method,
    url: `${baseUrl}${endpoint.path}`,
    status: endpoint.status,
    schemaName: endpoint.schema,
    auth: endpoint.auth,
    body: endpoint.body,
    budgetMs: endpoint.budgetMs,
  };
}

/** `url problem` lines for base URLs that cannot be used (bad syntax or wrong scheme for the kind). */
export function urlProblems(services: readonly ResolvedService[]): string[] {
  return services.flatMap((s) => {
    if (!s.baseUrl) return [];
    const allowed = PROTOCOLS[s.service.kind];
    let protocol = '';
    try {
      protocol = new URL(s.baseUrl).protocol;
    } catch {
      return [`${s.urlSource ?? s.service.id}: "${s.baseUrl}" is not a URL (service ${s.service.id})`];
    }
    return allowed.includes(protocol) ? [] : [`${s.urlSource ?? s.service.id}: "${s.baseUrl}" must use ${allowed.join(' or ')} (service ${s.service.id} is ${s.service.kind})`];
  });
}

export function servicePlan(s: ResolvedService): ServicePlan {
  const { service, baseUrl } = s;
  const plan: ServicePlan = { id: service.id, kind: service.kind, baseUrl, urlSource: s.urlSource, endpoints: [] };
  if (!baseUrl) return plan;
  if (service.health) plan.healthUrl = `${baseUrl}${service.health.path}`;
  if (service.health?.detailed) plan.detailedUrl = `${baseUrl}${service.health.detailed}`;
  if (service.metrics) plan.metrics = { url: `${baseUrl}${service.metrics.path}`, required: service.metrics.required };
  plan.endpoints = service.endpoints.map((e) => endpointPlan(baseUrl, e));
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
  return resolved.services.map(servicePlan);
}
