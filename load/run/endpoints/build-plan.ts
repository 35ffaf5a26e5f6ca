import type { ResolvedCatalog } from '../../../core/catalog/resolve.ts';
import type { Endpoint } from '../../../core/catalog/schema.ts';
import { ConfigError } from '../../../core/errors.ts';
import { weightedSchedule } from '../../lib/mix.ts';
import { PLAN_VERSION, type LeftOut, type Plan, type PlanAuth, type PlanEndpoint } from '../../lib/plan.ts';
import { catalogLogin, publicLoginBody } from './login.ts';

/**
 * The endpoints scenario's plan from the resolved catalog: every `kind: http` service's key
 * endpoints with their weight (`load.weight`, 0 = not loaded), URL, body and auth flag, and the
 * login. An endpoint that cannot be called as described (a path parameter without a value, a token
 * without a login, no URL in this environment) is left out with the reason.
 */
const PLACEHOLDER = /\{([^}]+)\}/g;

function fillPath(endpoint: Endpoint): { path: string } | { missing: string[] } {
  const missing = [...endpoint.path.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => endpoint.load.params[name] === undefined);
  if (missing.length > 0) return { missing };
  return { path: endpoint.path.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(String(endpoint.load.params[name]))) };
}

function planAuth(resolved: ResolvedCatalog): PlanAuth | string {
  const login = catalogLogin(resolved);
  if (!resolved.catalog.auth) return 'it needs a token, and the catalog names no login (auth.login)';
  if (!login) return `it needs a token, and the login ${resolved.catalog.auth.login.service} ${resolved.catalog.auth.login.endpoint} is not in the catalog`;
  if (!login.baseUrl) return `it needs a token, and the login's service ${login.service} has no URL in environment "${resolved.env}"`;
  const { body, secrets } = publicLoginBody(login.endpoint.body);
  const e = login.endpoint;
  return { service: login.service, endpoint: e.name, method: e.method, path: e.path, url: `${login.baseUrl}${e.path}`, status: e.status, body, secrets, token: login.token, header: login.header, scheme: login.scheme };
}

export function buildPlan(resolved: ResolvedCatalog): Plan {
  const auth = planAuth(resolved);
  const endpoints: PlanEndpoint[] = [];
  const leftOut: LeftOut[] = [];
  for (const { service, baseUrl } of resolved.services) {
    if (service.kind !== 'http') continue;
    const leave = (endpoint: string, reason: string) => leftOut.push({ service: service.id, endpoint, reason });
    if (service.endpoints.length === 0) leave('-', 'the catalog lists no key endpoint for it');
    for (const e of service.endpoints) {
      const filled = fillPath(e);
      if (e.load.weight === 0) leave(e.name, 'load.weight is 0');
      else if (!baseUrl) leave(e.name, `no URL in environment "${resolved.env}"`);
      else if ('missing' in filled) leave(e.name, `path ${e.path} needs ${filled.missing.map((m) => `{${m}}`).join(', ')}: give ${filled.missing.map((m) => `load.params.${m}`).join(', ')}`);
      else if (e.auth && typeof auth === 'string') leave(e.name, auth);
      else {
        const login = typeof auth !== 'string' && auth.service === service.id && auth.endpoint === e.name;
        endpoints.push({
          service: service.id, endpoint: e.name, method: e.method, path: e.path, url: `${baseUrl}${filled.path}`, status: e.status,
          body: login ? auth.body : e.body ?? null, auth: e.auth, login, weight: e.load.weight,
        });
      }
    }
  }
  if (endpoints.length === 0) {
    throw new ConfigError(`catalog: the endpoints scenario has nothing to load in environment "${resolved.env}"`, leftOut.map((l) => `${l.service} ${l.endpoint}: ${l.reason}`));
  }
  try {
    weightedSchedule(endpoints.map((e) => e.weight));
  } catch (err) {
    throw new ConfigError(`catalog: endpoints[].load.weight: ${(err as Error).message}`);
  }
  const needsLogin = endpoints.some((e) => e.auth || e.login);
  return { version: PLAN_VERSION, system: resolved.catalog.system, env: resolved.env, auth: needsLogin && typeof auth !== 'string' ? auth : null, endpoints, leftOut };
}
