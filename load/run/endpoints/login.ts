import type { ResolvedCatalog } from '../../../core/catalog/resolve.ts';
import type { Endpoint } from '../../../core/catalog/schema.ts';
import { isSecretField, loginEnvName } from '../../lib/plan.ts';

/**
 * The catalog's login (`auth.login`): the endpoint, where it is, and its credentials. The credentials
 * (every string field of the login body, by the env var k6 reads: LOGIN_EMAIL, LOGIN_PASSWORD) go to
 * k6 with --env on this machine, or into a Secret on a cluster; never into a plan or an archive.
 */
export interface CatalogLogin {
  readonly service: string;
  readonly endpoint: Endpoint;
  readonly baseUrl: string | undefined;
  readonly token: string;
  readonly header: string;
  readonly scheme: string;
}

export function catalogLogin(resolved: ResolvedCatalog): CatalogLogin | undefined {
  const auth = resolved.catalog.auth;
  if (!auth) return undefined;
  const owner = resolved.services.find((s) => s.service.id === auth.login.service);
  const endpoint = owner?.service.endpoints.find((e) => e.name === auth.login.endpoint);
  if (!owner || !endpoint) return undefined;
  return { service: owner.service.id, endpoint, baseUrl: owner.baseUrl, token: auth.token, header: auth.header, scheme: auth.scheme };
}

/** LOGIN_<FIELD> -> value for every string field of the catalog's login body. */
export function loginCredentials(resolved: ResolvedCatalog): Record<string, string> {
  const body = catalogLogin(resolved)?.endpoint.body ?? {};
  return Object.fromEntries(Object.entries(body).flatMap(([field, value]) => (typeof value === 'string' ? [[loginEnvName(field), value]] : [])));
}

/** The login body as a plan may carry it: without its secret fields, which name their env vars instead. */
export function publicLoginBody(body: Record<string, unknown> | undefined): { body: Record<string, unknown>; secrets: Record<string, string> } {
  const out: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [field, value] of Object.entries(body ?? {})) {
    if (isSecretField(field)) secrets[field] = loginEnvName(field);
    else out[field] = value;
  }
  return { body: out, secrets };
}
