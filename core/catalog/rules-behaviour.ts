import type { Catalog, Service } from './schema.ts';

/** Cross-field rules of a service's behaviour (router, sagas, published events, database pool and breaker); `path.to.field: message` lines. */
type Rule = (catalog: Catalog) => string[];

/** A router's routes go to other http services of the catalog, one route per prefix. */
export const routesReachServices: Rule = (catalog) => {
  const http = new Set(catalog.services.filter((s) => s.kind === 'http').map((s) => s.id));
  return catalog.services.flatMap((service, i) => {
    const router = service.router;
    if (!router) return [];
    const at = `services[${i}].router`;
    if (service.kind !== 'http') return [`${at}: only http services route requests (this is a ${service.kind} entry)`];
    const seen = new Map<string, number>();
    return router.routes.flatMap((route, j) => {
      const problems: string[] = [];
      if (route.to === service.id) problems.push(`${at}.routes[${j}].to: a router cannot route to itself`);
      else if (!http.has(route.to)) problems.push(`${at}.routes[${j}].to: unknown http service "${route.to}" (known: ${[...http].filter((id) => id !== service.id).join(', ')})`);
      const first = seen.get(route.prefix);
      seen.set(route.prefix, first ?? j);
      if (first !== undefined) problems.push(`${at}.routes[${j}].prefix: duplicate prefix "${route.prefix}" (also routes[${first}])`);
      return problems;
    });
  });
};

/** An endpoint publishes only events its service declares under `dependencies.publishes`, each with an example (what is sent). */
export const endpointEventsArePublished: Rule = (catalog) =>
  catalog.services.flatMap((service, i) => {
    const declared = service.dependencies.publishes.map((p) => p.event);
    return service.endpoints.flatMap((endpoint, j) =>
      endpoint.publishes.flatMap((event, k) => {
        const at = `services[${i}].endpoints[${j}].publishes[${k}]`;
        const published = service.dependencies.publishes.find((p) => p.event === event);
        if (!published) return [`${at}: "${event}" is not among ${service.id}'s dependencies.publishes (${declared.join(', ') || 'none'})`];
        return published.example === undefined ? [`${at}: "${event}" has no example in dependencies.publishes; the endpoint publishes the example`] : [];
      }),
    );
  });

function stepProblem(service: Service, name: string, at: string): string[] {
  const dep = service.dependencies.http.find((d) => d.name === name);
  if (!dep) return [`${at}: "${name}" is not one of ${service.id}'s dependencies.http (${service.dependencies.http.map((d) => d.name).join(', ') || 'none'})`];
  return dep.example ? [] : [`${at}: dependency "${name}" has no example; a saga step sends the example's request`];
}

/** Saga steps call the service's own HTTP dependencies, each with an example to send; saga names are unique per service. */
export const sagaStepsAreDependencies: Rule = (catalog) =>
  catalog.services.flatMap((service, i) => {
    const seen = new Map<string, number>();
    return service.endpoints.flatMap((endpoint, j) => {
      const saga = endpoint.saga;
      if (!saga) return [];
      const at = `services[${i}].endpoints[${j}].saga`;
      const first = seen.get(saga.name);
      seen.set(saga.name, first ?? j);
      return [
        ...(first !== undefined ? [`${at}.name: duplicate saga "${saga.name}" (also endpoints[${first}])`] : []),
        ...saga.steps.flatMap((step, k) => [
          ...stepProblem(service, step.call, `${at}.steps[${k}].call`),
          ...(step.compensate === undefined ? [] : stepProblem(service, step.compensate, `${at}.steps[${k}].compensate`)),
        ]),
      ];
    });
  });

/** A pool and a circuit breaker belong to a postgres dependency; a pool's min is at most its max. */
export const poolsFitTheDatabase: Rule = (catalog) => {
  const kinds = new Map(catalog.services.map((s) => [s.id, s.kind]));
  return catalog.services.flatMap((service, i) =>
    service.dependencies.infrastructure.flatMap((dep, j) => {
      const at = `services[${i}].dependencies.infrastructure[${j}]`;
      const kind = kinds.get(dep.id);
      const notPostgres = kind !== undefined && kind !== 'postgres';
      return [
        ...(dep.pool && notPostgres ? [`${at}.pool: "${dep.id}" is ${kind}; only a postgres dependency has a connection pool`] : []),
        ...(dep.circuitBreaker && notPostgres ? [`${at}.circuitBreaker: "${dep.id}" is ${kind}; the breaker guards database calls (a postgres dependency)`] : []),
        ...(dep.pool && dep.pool.min > dep.pool.max ? [`${at}.pool.min: ${dep.pool.min} is above max ${dep.pool.max}`] : []),
      ];
    }),
  );
};

export const behaviourRules: readonly Rule[] = [routesReachServices, endpointEventsArePublished, sagaStepsAreDependencies, poolsFitTheDatabase];
