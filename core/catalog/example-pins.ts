import { PinProblem, pinExample, type Pin } from '../json-schema/pins.ts';
import type { SchemaRegistry } from '../json-schema/registry.ts';
import { eventFields } from './edges.ts';
import { pathPlaceholders } from './rules-examples.ts';
import type { Catalog, HttpExample, SchemaRef } from './schema.ts';

/** An HTTP dependency with an example, as a generated pact interaction will be built. */
export interface HttpInteractionPlan {
  readonly kind: 'http';
  readonly consumer: string;
  readonly provider: string;
  /** The dependency's name: the edge the interaction covers. */
  readonly edge: string;
  /** `services[0].dependencies.http[1].example` */
  readonly where: string;
  readonly method: string;
  /** The dependency's path with the example's params in its placeholders. */
  readonly path: string;
  readonly example: HttpExample;
  /** How the response body is pinned (undefined: not at all). */
  readonly body: Pin | undefined;
}

/** A published event with an example, as one consumer's generated message interaction will be built. */
export interface MessageInteractionPlan {
  readonly kind: 'message';
  readonly consumer: string;
  readonly provider: string;
  /** The event: the edge the interaction covers. */
  readonly edge: string;
  /** `services[0].dependencies.publishes[1].example` */
  readonly where: string;
  /** The consumer is the catalog's event bus (it carries the event for every subscriber). */
  readonly bus: boolean;
  /** The payload fields pinned for this consumer (empty: the schema's required ones). */
  readonly fields: readonly string[];
  readonly example: unknown;
  readonly content: Pin | undefined;
}

export type InteractionPlan = HttpInteractionPlan | MessageInteractionPlan;

/** `/data/0/id` -> `.data[0].id` */
function dotted(pointer: string): string {
  return pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~')).map((t) => (/^\d+$/.test(t) ? `[${t}]` : `.${t}`)).join('');
}

function concretePath(path: string, params: Readonly<Record<string, string>>): string {
  return pathPlaceholders(path).reduce((p, name) => p.replace(`{${name}}`, encodeURIComponent(params[name] ?? `{${name}}`)), path);
}

/**
 * Every pact interaction the catalog's examples generate: one per HTTP dependency with an example, and
 * per published event with an example, one per consumer (`consumes`, pinning the fields it reads) plus one
 * for the event bus when the catalog names one (pinning every field its subscribers read). A value that
 * cannot be pinned is a problem line naming the example field; its interaction is left out.
 */
export function plannedInteractions(catalog: Catalog, registry: SchemaRegistry): { plans: InteractionPlan[]; problems: string[] } {
  const problems: string[] = [];
  const pin = (ref: SchemaRef | undefined, value: unknown, where: string, fields?: readonly string[]): { pin: Pin | undefined } | undefined => {
    const doc = ref === undefined ? undefined : registry.document(ref);
    if (ref !== undefined && !doc) return undefined;
    try {
      return { pin: pinExample(doc && { node: doc.root, doc }, value, (url) => registry.file(url), fields ? { fields } : {}) };
    } catch (err) {
      if (!(err instanceof PinProblem)) throw err;
      const line = `${where}${dotted(err.pointer)}: ${err.message}`;
      if (!problems.includes(line)) problems.push(line);
      return undefined;
    }
  };
  const plans: InteractionPlan[] = [];
  catalog.services.forEach((service, i) => {
    service.dependencies.http.forEach((dep, j) => {
      const example = dep.example;
      if (!example) return;
      const where = `services[${i}].dependencies.http[${j}].example`;
      const body = example.response.body === undefined ? { pin: undefined } : pin(example.response.schema, example.response.body, `${where}.response.body`);
      if (!body) return;
      plans.push({ kind: 'http', consumer: service.id, provider: dep.to, edge: dep.name, where, method: dep.method, path: concretePath(dep.path, example.request?.params ?? {}), example, body: body.pin });
    });
    service.dependencies.publishes.forEach((published, j) => {
      if (published.example === undefined) return;
      const where = `services[${i}].dependencies.publishes[${j}].example`;
      const readers = catalog.services.flatMap((s) => s.dependencies.consumes.filter((c) => c.from === service.id && c.event === published.event).map((c) => ({ consumer: s.id, fields: c.fields, bus: false })));
      const bus = catalog.events.bus;
      const all = bus !== undefined && bus !== service.id && !readers.some((r) => r.consumer === bus) ? [...readers, { consumer: bus, fields: eventFields(catalog, published.event), bus: true }] : readers;
      for (const reader of all) {
        const content = pin(published.schema, published.example, where, reader.fields.length > 0 ? reader.fields : undefined);
        if (content) plans.push({ kind: 'message', consumer: reader.consumer, provider: service.id, edge: published.event, where, bus: reader.bus, fields: reader.fields, example: published.example, content: content.pin });
      }
    });
  });
  return { plans, problems };
}
