import { describe, expect, it } from 'vitest';
import { LOCATION_ASSIGNED, LOCATION_RELEASED } from '../stack/events/storage-events.ts';
import { BUS_MESSAGE } from './consumer/bus-message.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { throughBus } from './consumer/through-bus.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'storage-service');

/** The bus reads no payload field: the pacts pin only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- storage-service (storage events go on the bus)', () => {
  it.each([
    [MESSAGES.locationAssigned, LOCATION_ASSIGNED],
    [MESSAGES.locationReleased, LOCATION_RELEASED],
  ])('carries "%s" unchanged to a subscriber', async (description, topic) => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(description, (msg) => msg.withJSONContent(BUS_MESSAGE))
      .executeTest(async (message) => {
        const payload = contentOf(message);
        expect(await throughBus(topic, payload, 'storage-service')).toEqual([expect.objectContaining({ topic, source: 'storage-service', payload })]);
      });
  });
});
