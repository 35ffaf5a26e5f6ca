import type { ResolvedCatalog } from '../core/catalog/resolve.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import type { CompiledSchema } from '../core/json-schema/registry.ts';
import { endpointPlan, type EndpointPlan } from './plan.ts';
import type { TokenUse } from './token.ts';

/**
 * The catalog entries the TracSeq journeys walk through. Journeys are ordered steps (code); every
 * path, schema and URL comes from the catalog through these references, and the login from its `auth`.
 */
export const JOURNEY_REFS = {
  gateway: 'api-gateway',
  currentUserEndpoint: 'current-user',
  sampleProvider: 'sample-service',
  createSample: 'create-sample',
  readSample: 'get-sample',
} as const;

export type Missing = { missing: string };

export interface SampleJourneyPlan {
  createUrl: string;
  /** The sample's URL through the gateway (read, delete). */
  sampleUrl: (id: string) => string;
  /** The sample's URL at the provider itself, for cleanup when the gateway fails. */
  directSampleUrl: ((id: string) => string) | undefined;
  /** The schemas of the dependency examples' responses, when the catalog gives them. */
  createSchema?: CompiledSchema | undefined;
  readSchema?: CompiledSchema | undefined;
}

export interface JourneyPlan {
  gatewayId: string;
  /** `auth-service via api-gateway`, `sample-service via api-gateway`: prefixes of journey failures. */
  loginRoute: string;
  sampleRoute: string;
  /** The catalog's auth.login through the gateway, and how its token is read and sent. */
  login: (EndpointPlan & { use: TokenUse }) | Missing;
  currentUser: EndpointPlan | Missing;
  sample: SampleJourneyPlan | Missing;
}

export const isMissing = (x: object): x is Missing => 'missing' in x;

function fill(template: string, id: string): string {
  return template.replace('{id}', encodeURIComponent(id));
}

function withUse(login: EndpointPlan | Missing, use: TokenUse | undefined): (EndpointPlan & { use: TokenUse }) | Missing {
  return isMissing(login) || !use ? (isMissing(login) ? login : { missing: 'the catalog has no auth' }) : { ...login, use };
}

/**
 * Plans the gateway journeys, or returns undefined when the gateway is not among the selected
 * services. `all` is the whole catalog resolved for the environment (the journeys cross services).
 */
export function planJourneys(all: ResolvedCatalog, selectedIds: readonly string[]): JourneyPlan | undefined {
  const r = JOURNEY_REFS;
  if (!selectedIds.includes(r.gateway)) return undefined;
  const byId = new Map(all.services.map((s) => [s.service.id, s]));
  const gateway = byId.get(r.gateway);
  const gatewayUrl = gateway?.baseUrl;
  if (!gateway || !gatewayUrl) return undefined;
  const schemas = catalogSchemas(all.catalog);
  const auth = all.catalog.auth;
  const authService = auth ? byId.get(auth.login.service)?.service : undefined;
  const endpoint = (name: string | undefined): EndpointPlan | Missing => {
    if (!auth || !authService || name === undefined) return { missing: 'the catalog has no auth.login (which key endpoint logs in)' };
    const found = authService.endpoints.find((e) => e.name === name);
    return found ? endpointPlan(gatewayUrl, found, schemas) : { missing: `the catalog has no endpoint "${name}" on ${authService.id}` };
  };
  const edge = (name: string) => gateway.service.dependencies.http.find((d) => d.to === r.sampleProvider && d.name === name);
  const schemaOf = (dep: ReturnType<typeof edge>) => (dep?.example?.response.schema === undefined ? undefined : schemas.get(dep.example.response.schema));
  const create = edge(r.createSample);
  const read = edge(r.readSample);
  const direct = byId.get(r.sampleProvider)?.baseUrl;
  const sample: SampleJourneyPlan | Missing = create && read
    ? {
        createUrl: `${gatewayUrl}${create.path}`,
        sampleUrl: (id) => `${gatewayUrl}${fill(read.path, id)}`,
        directSampleUrl: direct ? (id) => `${direct}${fill(read.path, id)}` : undefined,
        createSchema: schemaOf(create),
        readSchema: schemaOf(read),
      }
    : { missing: `the catalog has no ${r.gateway} -> ${r.sampleProvider} dependencies "${r.createSample}" and "${r.readSample}"` };
  return {
    gatewayId: r.gateway,
    loginRoute: `${auth?.login.service ?? 'auth'} via ${r.gateway}`,
    sampleRoute: `${r.sampleProvider} via ${r.gateway}`,
    login: withUse(endpoint(auth?.login.endpoint), auth),
    currentUser: endpoint(r.currentUserEndpoint),
    sample,
  };
}
