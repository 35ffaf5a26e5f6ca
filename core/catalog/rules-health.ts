import type { Catalog } from './schema.ts';

type Rule = (catalog: Catalog) => string[];

/** http services and http probes are judged by their health expectations: they need some. */
export const probedServicesHaveHealth: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    (service.kind === 'http' || service.kind === 'http-probe') && !service.health
      ? [`services[${i}].health: ${service.kind === 'http' ? 'an http service' : 'an http-probe'} needs health expectations (at least health: { path: /health }, or a catalog-level defaults.health)`]
      : [],
  );

/** The body kind decides which fields apply: `match` for text, `schema` for json; and text needs a regex. */
export const healthFieldsFitTheBody: Rule = (catalog) =>
  catalog.services.flatMap((service, i) => {
    const health = service.health;
    if (!health) return [];
    const at = `services[${i}].health`;
    const problems: string[] = [];
    if (health.body === 'text' && health.match === undefined) problems.push(`${at}.match: body: text needs a regular expression the healthy body matches (e.g. match: "^OK")`);
    if (health.body !== 'text' && health.match !== undefined) problems.push(`${at}.match: only for body: text (this service's body is ${health.body})`);
    if (health.body !== 'json' && health.schema !== undefined) problems.push(`${at}.schema: only for body: json (this service's body is ${health.body})`);
    if (service.kind !== 'http' && service.kind !== 'http-probe') problems.push(`${at}: a ${service.kind} entry is probed by its own protocol; health applies to http and http-probe services`);
    if (health.detailed !== undefined && service.kind !== 'http') problems.push(`${at}.detailed: only http services have a detailed health page`);
    return problems;
  });

/** A key endpoint's `response` kind decides which fields apply: `match` for text; `schema` and `example` for json. */
export const endpointFieldsFitTheResponse: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    service.endpoints.flatMap((endpoint, j) => {
      const at = `services[${i}].endpoints[${j}]`;
      const kind = endpoint.response;
      return [
        ...(kind !== 'text' && endpoint.match !== undefined ? [`${at}.match: only for response: text (this endpoint's response is ${kind})`] : []),
        ...(kind !== 'json' && endpoint.schema !== undefined ? [`${at}.schema: only for response: json (this endpoint's response is ${kind})`] : []),
        ...(kind !== 'json' && endpoint.example !== undefined ? [`${at}.example: only for response: json (this endpoint's response is ${kind})`] : []),
      ];
    }),
  );
