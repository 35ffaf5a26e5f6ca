import type { Catalog } from './schema.ts';

/** A dependency edge of the catalog: an HTTP call or an event a consumer takes from a producer. */
export type Edge =
  | { readonly kind: 'http'; readonly consumer: string; readonly provider: string; readonly name: string; readonly method: string; readonly path: string }
  | { readonly kind: 'message'; readonly consumer: string; readonly provider: string; readonly name: string; readonly event: string };

/**
 * Every edge in the catalog. Message edges: each `consumes` entry, plus each published event
 * as an edge from its producer to the event bus, when the catalog names one (`events.bus`).
 */
export function catalogEdges(catalog: Catalog): Edge[] {
  const bus = catalog.events.bus;
  return catalog.services.flatMap((service): Edge[] => [
    ...service.dependencies.http.map((dep): Edge => ({ kind: 'http', consumer: service.id, provider: dep.to, name: dep.name, method: dep.method, path: dep.path })),
    ...service.dependencies.consumes.map((dep): Edge => ({ kind: 'message', consumer: service.id, provider: dep.from, name: dep.event, event: dep.event })),
    ...(bus !== undefined && service.id !== bus
      ? service.dependencies.publishes.map(({ event }): Edge => ({ kind: 'message', consumer: bus, provider: service.id, name: event, event }))
      : []),
  ]);
}

/**
 * The payload fields the consumers of `event` read, as the catalog declares them (`consumes[].fields`),
 * sorted and without repeats: what every pact of that event, the bus's included, must pin.
 */
export function eventFields(catalog: Catalog, event: string): string[] {
  const fields = catalog.services.flatMap((s) => s.dependencies.consumes.filter((c) => c.event === event).flatMap((c) => c.fields));
  return [...new Set(fields)].sort();
}

/** The events the catalog says `service` publishes. */
export function publishedBy(catalog: Catalog, service: string): string[] {
  return (catalog.services.find((s) => s.id === service)?.dependencies.publishes ?? []).map((p) => p.event);
}

export function edgeKey(edge: Edge): string {
  return `${edge.consumer} -> ${edge.provider} (${edge.kind}: ${edge.name})`;
}
