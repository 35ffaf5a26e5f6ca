import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { catalogEdges, eventFields } from './edges.ts';
import { parseCatalog } from './load.ts';

const catalog = (events: string) => `
system: t
catalogVersion: 1
environments: { local: { urlTemplate: "http://127.0.0.1:{port}" } }
${events}
services:
  - { id: bus, port: 1, health: { path: /health } }
  - id: producer
    port: 2
    health: { path: /health }
    dependencies: { publishes: [thing.made] }
  - id: reader
    port: 3
    health: { path: /health }
    dependencies: { consumes: [{ event: thing.made, from: producer, fields: [thing_id, size] }] }
  - id: counter
    port: 4
    health: { path: /health }
    dependencies: { consumes: [{ event: thing.made, from: producer, fields: [thing_id] }, { event: thing.made, from: producer }] }
`;

describe('catalog edges for events', () => {
  it('makes each published event an edge to the bus the catalog names', () => {
    const edges = catalogEdges(parseCatalog(catalog('events: { bus: bus }'), 'c.yaml'));
    expect(edges.filter((e) => e.consumer === 'bus').map((e) => `${e.provider}:${e.name}`)).toEqual(['producer:thing.made']);
  });

  it('makes no bus edge when the catalog names no bus, whatever its services are called', () => {
    const edges = catalogEdges(parseCatalog(catalog(''), 'c.yaml'));
    expect(edges.map((e) => `${e.consumer}->${e.provider}`)).toEqual(['reader->producer', 'counter->producer', 'counter->producer']);
  });

  it('refuses a bus that is not a service of the catalog, naming the field', () => {
    expect(() => parseCatalog(catalog('events: { bus: kafka }'), 'c.yaml')).toThrow(ConfigError);
    try {
      parseCatalog(catalog('events: { bus: kafka }'), 'c.yaml');
    } catch (err) {
      expect((err as ConfigError).details).toEqual(['events.bus: unknown service "kafka"']);
    }
  });

  it('gives the fields every consumer of an event reads, once each', () => {
    const parsed = parseCatalog(catalog('events: { bus: bus }'), 'c.yaml');
    expect(eventFields(parsed, 'thing.made')).toEqual(['size', 'thing_id']);
    expect(eventFields(parsed, 'thing.lost')).toEqual([]);
  });
});
