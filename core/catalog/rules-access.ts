import type { Catalog } from './schema.ts';

type Rule = (catalog: Catalog) => string[];

/** `auth.login` names a key endpoint of an http service; an `auth: true` endpoint needs `auth`. */
export const authIsWired: Rule = (catalog) => {
  const auth = catalog.auth;
  const needing = catalog.services.flatMap((s, i) => s.endpoints.flatMap((e, j) => (e.auth ? [`services[${i}].endpoints[${j}]`] : [])));
  if (!auth) return needing.map((at) => `${at}.auth: needs the catalog's auth block (auth: { login: { service, endpoint } }) to say how to log in`);
  const index = catalog.services.findIndex((s) => s.id === auth.login.service);
  const service = catalog.services[index];
  if (!service) return [`auth.login.service: unknown service "${auth.login.service}"`];
  if (service.kind !== 'http') return [`auth.login.service: "${service.id}" is a ${service.kind} entry; the login is a key endpoint of an http service`];
  const endpoint = service.endpoints.find((e) => e.name === auth.login.endpoint);
  if (!endpoint) return [`auth.login.endpoint: ${service.id} has no key endpoint "${auth.login.endpoint}" (it has: ${service.endpoints.map((e) => e.name).join(', ') || 'none'})`];
  return endpoint.auth ? [`services[${index}].endpoints[${service.endpoints.indexOf(endpoint)}].auth: the login endpoint cannot itself need a login`] : [];
};

/** Replica URLs: known environments, and URLs an http client can call. */
export const replicaUrlsAreUsable: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    Object.entries(service.replicas?.urls ?? {}).flatMap(([env, urls]) => {
      const at = `services[${i}].replicas.urls.${env}`;
      if (!Object.hasOwn(catalog.environments, env)) return [`${at}: unknown environment "${env}" (known: ${Object.keys(catalog.environments).join(', ')})`];
      return urls.flatMap((url, j) => replicaUrlProblem(url).map((p) => `${at}[${j}]: ${p}`));
    }),
  );

/** Why `url` cannot be a replica's base URL (empty: it can). */
export function replicaUrlProblem(url: string): string[] {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return [`"${url}" is not a URL (expected http://host:port)`];
  }
  return protocol === 'http:' || protocol === 'https:' ? [] : [`"${url}" must use http: or https: (a replica is called over HTTP)`];
}
