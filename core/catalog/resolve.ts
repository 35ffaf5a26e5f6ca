import { ConfigError } from '../errors.ts';
import type { Catalog, Service } from './schema.ts';
import type { CatalogObjective, SloDefaults } from './slo-schema.ts';

/** Where a service's replicas are: listed URLs (from `<ID>_REPLICA_URLS` or the catalog), or every DNS record of its host. */
export type ReplicaSource =
  | { readonly kind: 'urls'; readonly urls: readonly string[]; readonly source: string }
  | { readonly kind: 'dns' };

export interface ResolvedService {
  readonly service: Service;
  /** The replicas to check one by one; undefined when the service is checked at its URL only. */
  readonly replicas?: ReplicaSource | undefined;
  /** Base URL in this environment, or undefined when the environment gives none (infrastructure only). */
  readonly baseUrl: string | undefined;
  /** Where the URL came from: an env var name, `catalog.urls`, or `urlTemplate`. */
  readonly urlSource: string | undefined;
  /** Service SLOs: the shorthands with the catalog's sloDefaults filled in, and the service's objectives. */
  readonly slos: ResolvedSlos;
}

export interface ResolvedCatalog {
  readonly catalog: Catalog;
  readonly env: string;
  readonly production: boolean;
  readonly services: readonly ResolvedService[];
}

/** `api-gateway` -> `API_GATEWAY_URL`, `auth-service` -> `AUTH_SERVICE_URL` (seed 004's naming). */
export function urlEnvVar(id: string): string {
  return `${id.replace(/-/g, '_').toUpperCase()}_URL`;
}

/** `sample-service` -> `SAMPLE_SERVICE_REPLICA_URLS` (comma-separated replica base URLs). */
export function replicaEnvVar(id: string): string {
  return `${id.replace(/-/g, '_').toUpperCase()}_REPLICA_URLS`;
}

/** `<ID>_REPLICA_URLS` wins, then the catalog's `replicas.urls[env]`, then `replicas.discover`. */
export function resolveReplicas(service: Service, env: string, processEnv: NodeJS.ProcessEnv): ReplicaSource | undefined {
  const variable = replicaEnvVar(service.id);
  const fromEnv = processEnv[variable]?.split(',').map((u) => u.trim()).filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return { kind: 'urls', urls: fromEnv.map(trimSlash), source: variable };
  const listed = service.replicas?.urls[env];
  if (listed) return { kind: 'urls', urls: listed.map(trimSlash), source: `catalog replicas.urls.${env}` };
  return service.replicas?.discover === 'dns' ? { kind: 'dns' } : undefined;
}

export type ResolvedSlos = Pick<SloDefaults, 'shorthands' | 'availability' | 'latencyP95Ms' | 'latencyP99Ms' | 'errorRate' | 'windowDays'> & {
  readonly objectives: readonly CatalogObjective[];
};

/** A service's SLO fields with the catalog's sloDefaults filled in. */
export function resolveSlos(catalog: Catalog, service: Service): ResolvedSlos {
  const { objectives, ...own } = service.slos;
  const defined = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
  const { shorthands, availability, latencyP95Ms, latencyP99Ms, errorRate, windowDays } = { ...catalog.sloDefaults, ...defined };
  return { shorthands, availability, latencyP95Ms, latencyP99Ms, errorRate, windowDays, objectives };
}

/**
 * Resolves every service's base URL for `env`: an `<ID>_URL` env var wins, then the service's
 * `urls[env]`, then (http services only) the environment's urlTemplate.
 */
export function resolveCatalog(catalog: Catalog, env: string, processEnv: NodeJS.ProcessEnv = process.env): ResolvedCatalog {
  const environment = catalog.environments[env];
  if (!environment) {
    throw new ConfigError(`--env: unknown environment "${env}" (known: ${Object.keys(catalog.environments).join(', ')})`);
  }
  const services = catalog.services.map((service): ResolvedService => {
    const fromEnv = processEnv[urlEnvVar(service.id)];
    const slos = resolveSlos(catalog, service);
    const replicas = service.kind === 'http' ? resolveReplicas(service, env, processEnv) : undefined;
    if (fromEnv) return { service, baseUrl: trimSlash(fromEnv), urlSource: urlEnvVar(service.id), slos, replicas };
    const explicit = service.urls[env];
    if (explicit) return { service, baseUrl: trimSlash(explicit), urlSource: `catalog urls.${env}`, slos, replicas };
    if (service.kind !== 'http') return { service, baseUrl: undefined, urlSource: undefined, slos };
    const url = environment.urlTemplate.replaceAll('{id}', service.id).replaceAll('{port}', String(service.port));
    return { service, baseUrl: trimSlash(url), urlSource: 'urlTemplate', slos, replicas };
  });
  if (!services.some((s) => s.baseUrl)) {
    throw new ConfigError(`environment "${env}": no service has a URL`);
  }
  return { catalog, env, production: environment.production, services };
}

/** Keeps only the named services; unknown names are a usage error that lists the valid ones. */
export function selectServices(resolved: ResolvedCatalog, names: readonly string[] | undefined): ResolvedCatalog {
  if (!names || names.length === 0) return resolved;
  const known = new Set(resolved.services.map((s) => s.service.id));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new ConfigError(`--services: unknown service ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${[...known].join(', ')})`);
  }
  return { ...resolved, services: resolved.services.filter((s) => names.includes(s.service.id)) };
}

export function findService(resolved: ResolvedCatalog, id: string): ResolvedService {
  const found = resolved.services.find((s) => s.service.id === id);
  if (!found) throw new ConfigError(`catalog: no service "${id}"`);
  return found;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
