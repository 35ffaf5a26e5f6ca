import type { Catalog } from './schema.ts';

/** A dependency edge of the catalog: an HTTP call or an event a consumer takes from a producer. */
export type Edge =
  | { readonly kind: 'http'; readonly consumer: string; readonly provider: string; readonly name: string; readonly method: string; readonly path: string }
  | { readonly kind: 'message'; readonly consumer: string; readonly provider: string; readonly name: string; readonly event: string };

/**
 * Every edge in the catalog. Message edges: each `consumes` entry, plus each published event
 * as an edge from its producer to the event bus (`event-service`), where the catalog has one.
 */
export function catalogEdges(catalog: Catalog): Edge[] {
  const hasBus = catalog.services.some((s) => s.id === 'event-service');
  return catalog.services.flatMap((service): Edge[] => [
    ...service.dependencies.http.map((dep): Edge => ({ kind: 'http', consumer: service.id, provider: dep.to, name: dep.name, method: dep.method, path: dep.path })),
    ...service.dependencies.consumes.map((dep): Edge => ({ kind: 'message', consumer: service.id, provider: dep.from, name: dep.event, event: dep.event })),
    ...(hasBus && service.id !== 'event-service'
      ? service.dependencies.publishes.map((event): Edge => ({ kind: 'message', consumer: 'event-service', provider: service.id, name: event, event }))
      : []),
  ]);
}

export function edgeKey(edge: Edge): string {
  return `${edge.consumer} -> ${edge.provider} (${edge.kind}: ${edge.name})`;
}
