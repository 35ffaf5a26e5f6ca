import type { Catalog } from './schema.ts';

/** Cross-field rules of the catalog's load fields (`load:`, `endpoints[].load`). */
type Rule = (catalog: Catalog) => string[];

export const loadEntryIsHttp: Rule = (catalog) => {
  const entry = catalog.load.entry;
  if (entry === undefined) return [];
  const service = catalog.services.find((s) => s.id === entry);
  if (!service) return [`load.entry: unknown service "${entry}"`];
  return service.kind === 'http' ? [] : [`load.entry: ${entry} is ${service.kind}, not an http service`];
};

/** Every `load.params` name is a `{placeholder}` of the endpoint's path (a typo would leave the endpoint out of the load). */
export const loadParamsMatchPath: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    service.endpoints.flatMap((endpoint, j) => {
      const placeholders = new Set([...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
      return Object.keys(endpoint.load.params).flatMap((name) =>
        placeholders.has(name) ? [] : [`services[${i}].endpoints[${j}].load.params.${name}: the path ${endpoint.path} has no {${name}}`],
      );
    }),
  );
