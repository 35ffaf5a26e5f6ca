import { authIsWired, replicaUrlsAreUsable } from './rules-access.ts';
import { behaviourRules } from './rules-behaviour.ts';
import { exampleRules } from './rules-examples.ts';
import { loadEntryIsHttp, loadParamsMatchPath } from './rules-load.ts';
import { endpointFieldsFitTheResponse, healthFieldsFitTheBody, probedServicesHaveHealth } from './rules-health.ts';
import { fieldsFitTheKind, knownInfrastructure } from './rules-infra.ts';
import type { Catalog } from './schema.ts';
import { sloRules } from './slo-rules.ts';

/**
 * Cross-field rules that the schema cannot express. Each returns `path.to.field: message` lines;
 * the loader reports them all at once.
 */
type Rule = (catalog: Catalog) => string[];

const uniqueIds: Rule = (catalog) => {
  const seen = new Map<string, number>();
  return catalog.services.flatMap((service, i) => {
    const first = seen.get(service.id);
    seen.set(service.id, first ?? i);
    return first === undefined ? [] : [`services[${i}].id: duplicate id "${service.id}" (also services[${first}])`];
  });
};

const uniquePorts: Rule = (catalog) => {
  const seen = new Map<number, string>();
  return catalog.services.flatMap((service, i) => {
    const other = seen.get(service.port);
    seen.set(service.port, other ?? service.id);
    return other === undefined ? [] : [`services[${i}].port: port ${service.port} is also used by ${other}`];
  });
};

const knownTargets: Rule = (catalog) => {
  const ids = new Set(catalog.services.map((s) => s.id));
  return catalog.services.flatMap((service, i) => [
    ...service.dependencies.http.flatMap((dep, j) =>
      ids.has(dep.to) ? [] : [`services[${i}].dependencies.http[${j}].to: unknown service "${dep.to}"`],
    ),
    ...service.dependencies.consumes.flatMap((dep, j) =>
      ids.has(dep.from) ? [] : [`services[${i}].dependencies.consumes[${j}].from: unknown service "${dep.from}"`],
    ),
  ]);
};

const busIsAService: Rule = (catalog) => {
  const bus = catalog.events.bus;
  return bus === undefined || catalog.services.some((s) => s.id === bus) ? [] : [`events.bus: unknown service "${bus}"`];
};

const consumedEventsArePublished: Rule = (catalog) => {
  const byId = new Map(catalog.services.map((s) => [s.id, s]));
  return catalog.services.flatMap((service, i) =>
    service.dependencies.consumes.flatMap((dep, j) => {
      const producer = byId.get(dep.from);
      if (!producer || producer.dependencies.publishes.some((p) => p.event === dep.event)) return [];
      return [`services[${i}].dependencies.consumes[${j}].event: "${dep.event}" is not published by ${dep.from}`];
    }),
  );
};

const atLeastOneService: Rule = (catalog) => (catalog.services.length === 0 ? ['services: the catalog names no services'] : []);

const urlEnvsExist: Rule = (catalog) =>
  catalog.services.flatMap((service, i) =>
    Object.keys(service.urls).flatMap((env) =>
      Object.hasOwn(catalog.environments, env) ? [] : [`services[${i}].urls.${env}: unknown environment "${env}"`],
    ),
  );

export const catalogRules: readonly Rule[] = [
  atLeastOneService,
  uniqueIds,
  uniquePorts,
  knownTargets,
  consumedEventsArePublished,
  probedServicesHaveHealth,
  healthFieldsFitTheBody,
  endpointFieldsFitTheResponse,
  urlEnvsExist,
  fieldsFitTheKind,
  knownInfrastructure,
  authIsWired,
  replicaUrlsAreUsable,
  ...sloRules,
  busIsAService,
  ...exampleRules,
  loadEntryIsHttp,
  loadParamsMatchPath,
  ...behaviourRules,
];
