import type { Catalog } from './schema.ts';

type Rule = (catalog: Catalog) => string[];

/** Fields that only make sense on one kind of entry. */
export const fieldsFitTheKind: Rule = (catalog) =>
  catalog.services.flatMap((service, i) => {
    const at = `services[${i}]`;
    return [
      ...(service.kind !== 'http' && service.endpoints.length > 0 ? [`${at}.endpoints: only http services have key endpoints (this is a ${service.kind} entry)`] : []),
      ...(service.kind !== 'http' && service.replicas ? [`${at}.replicas: only http services have replicas checked one by one (this is a ${service.kind} entry)`] : []),
      ...(service.kind !== 'postgres' && service.databases ? [`${at}.databases: only postgres entries hold databases (this is a ${service.kind} entry)`] : []),
    ];
  });

/** `dependencies.infrastructure` names infrastructure entries of the catalog, and databases they hold. */
export const knownInfrastructure: Rule = (catalog) => {
  const byId = new Map(catalog.services.map((s, i) => [s.id, { service: s, index: i }]));
  const infra = catalog.services.filter((s) => s.kind !== 'http').map((s) => s.id);
  return catalog.services.flatMap((service, i) =>
    service.dependencies.infrastructure.flatMap((dep, j) => {
      const at = `services[${i}].dependencies.infrastructure[${j}]`;
      const target = byId.get(dep.id);
      if (!target) return [`${at}.id: unknown infrastructure "${dep.id}" (the catalog's infrastructure: ${infra.join(', ') || 'none'})`];
      if (target.service.kind === 'http') return [`${at}.id: "${dep.id}" is an http service; list calls to it under dependencies.http`];
      if (dep.database === undefined) return [];
      if (target.service.kind !== 'postgres') return [`${at}.database: "${dep.id}" is ${target.service.kind}; only postgres entries hold databases`];
      const held = target.service.databases ?? [];
      return held.includes(dep.database) ? [] : [`${at}.database: "${dep.database}" is not among ${dep.id}'s databases (services[${target.index}].databases: ${held.join(', ') || 'none listed'})`];
    }),
  );
};
