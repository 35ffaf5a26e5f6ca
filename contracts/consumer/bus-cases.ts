import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { eventFields, publishedBy } from '../../core/catalog/edges.ts';
import type { Catalog } from '../../core/catalog/schema.ts';
import { busDescription } from '../interactions.ts';
import { BUS_TRACE_FIELD, EVENT_FIELD_EXAMPLES } from '../provider-states.ts';
import type { ConsumerCase } from './consumer-contract.ts';
import { contentOf } from './message-content.ts';
import { throughBus } from './through-bus.ts';

/** The payload fields the bus's pact pins for `topic`: its trace key and every field the catalog says a subscriber reads. */
export function busFields(catalog: Catalog, topic: string): string[] {
  return [...new Set([BUS_TRACE_FIELD, ...eventFields(catalog, topic)])];
}

/** Type matchers for `fields`, with the fixtures' example values; a field without one is an error naming it. */
export function busMessage(topic: string, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => {
    const example = EVENT_FIELD_EXAMPLES[field];
    if (example === undefined) throw new Error(`no example value for field "${field}" of ${topic}: add one to EVENT_FIELD_EXAMPLES in contracts/provider-states.ts`);
    return [field, MatchersV3.like(example)];
  }));
}

/**
 * event-service's cases for one producer: one message per event the catalog says it publishes. Each pins
 * the fields that event's subscribers read (so a producer dropping or renaming one fails verification), and
 * checks that the real EventBus hands the payload to a subscriber unchanged, under its topic and source,
 * with every one of those fields.
 */
export function busCases(producer: string): (catalog: Catalog) => ConsumerCase[] {
  return (catalog) => publishedBy(catalog, producer).map((topic): ConsumerCase => {
    const fields = busFields(catalog, topic);
    return {
      name: `carries ${topic} unchanged to a subscriber, with the fields subscribers read (${fields.join(', ')})`,
      description: busDescription(topic),
      run: (pact, description) =>
        pact
          .addAsynchronousInteraction()
          .expectsToReceive(description, (msg) => msg.withJSONContent(busMessage(topic, fields)))
          .executeTest(async (message) => {
            const payload = contentOf(message);
            const delivered = await throughBus(topic, payload, producer);
            assert.equal(delivered.length, 1, `the bus delivered ${topic} ${delivered.length} times`);
            assert.deepEqual({ topic: delivered[0]?.topic, source: delivered[0]?.source, payload: delivered[0]?.payload }, { topic, source: producer, payload });
            const missing = fields.filter((f) => !Object.hasOwn((delivered[0]?.payload ?? {}) as object, f));
            assert.deepEqual(missing, [], `${topic} reached the subscriber without ${missing.join(', ')}`);
          }),
    };
  });
}
