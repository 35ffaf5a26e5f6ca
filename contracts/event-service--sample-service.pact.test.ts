import { describe, expect, it } from 'vitest';
import { SAMPLE_CREATED } from '../stack/events/sample-events.ts';
import { BUS_MESSAGE } from './consumer/bus-message.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { throughBus } from './consumer/through-bus.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'sample-service');

/** The bus reads no payload field: the pact pins only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- sample-service (sample.created goes on the bus)', () => {
  it('carries the sample.created payload unchanged to a subscriber under its topic and source', async () => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(MESSAGES.sampleCreated, (msg) => msg.withJSONContent(BUS_MESSAGE))
      .executeTest(async (message) => {
        const payload = contentOf(message);
        expect(await throughBus(SAMPLE_CREATED, payload, 'sample-service')).toEqual([expect.objectContaining({ topic: SAMPLE_CREATED, source: 'sample-service', payload })]);
      });
  });
});
