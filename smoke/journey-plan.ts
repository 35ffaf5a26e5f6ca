import type { ResolvedCatalog } from '../core/catalog/resolve.ts';
import { endpointPlan, type EndpointPlan } from './plan.ts';

/**
 * The catalog entries the journeys walk through. Journeys are ordered steps (code); every path,
 * schema and URL comes from the catalog through these references.
 */
export const JOURNEY_REFS = {
  gateway: 'api-gateway',
  auth: 'auth-service',
  loginEndpoint: 'login',
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
}

export interface JourneyPlan {
  gatewayId: string;
  /** `auth-service via api-gateway`, `sample-service via api-gateway`: prefixes of journey failures. */
  loginRoute: string;
  sampleRoute: string;
  login: EndpointPlan | Missing;
  currentUser: EndpointPlan | Missing;
  sample: SampleJourneyPlan | Missing;
}

export const isMissing = (x: object): x is Missing => 'missing' in x;

function fill(template: string, id: string): string {
  return template.replace('{id}', encodeURIComponent(id));
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
  const auth = byId.get(r.auth)?.service;
  const endpoint = (name: string): EndpointPlan | Missing => {
    const found = auth?.endpoints.find((e) => e.name === name);
    return found ? endpointPlan(gatewayUrl, found) : { missing: `the catalog has no endpoint "${name}" on ${r.auth}` };
  };
  const edge = (name: string) => gateway.service.dependencies.http.find((d) => d.to === r.sampleProvider && d.name === name);
  const create = edge(r.createSample);
  const read = edge(r.readSample);
  const direct = byId.get(r.sampleProvider)?.baseUrl;
  const sample: SampleJourneyPlan | Missing = create && read
    ? {
        createUrl: `${gatewayUrl}${create.path}`,
        sampleUrl: (id) => `${gatewayUrl}${fill(read.path, id)}`,
        directSampleUrl: direct ? (id) => `${direct}${fill(read.path, id)}` : undefined,
      }
    : { missing: `the catalog has no ${r.gateway} -> ${r.sampleProvider} dependencies "${r.createSample}" and "${r.readSample}"` };
  return { gatewayId: r.gateway, loginRoute: `${r.auth} via ${r.gateway}`, sampleRoute: `${r.sampleProvider} via ${r.gateway}`, login: endpoint(r.loginEndpoint), currentUser: endpoint(r.currentUserEndpoint), sample };
}
