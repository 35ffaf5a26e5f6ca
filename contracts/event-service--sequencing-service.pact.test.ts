import { describe, expect, it } from 'vitest';
import { JOB_COMPLETED, JOB_SUBMITTED } from '../stack/events/sequencing-events.ts';
import { BUS_MESSAGE } from './consumer/bus-message.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { throughBus } from './consumer/through-bus.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'sequencing-service');

/** The bus reads no payload field: the pacts pin only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- sequencing-service (sequencing events go on the bus)', () => {
  it.each([
    [MESSAGES.jobSubmitted, JOB_SUBMITTED],
    [MESSAGES.jobCompleted, JOB_COMPLETED],
  ])('carries "%s" unchanged to a subscriber', async (description, topic) => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(description, (msg) => msg.withJSONContent(BUS_MESSAGE))
      .executeTest(async (message) => {
        const payload = contentOf(message);
        expect(await throughBus(topic, payload, 'sequencing-service')).toEqual([expect.objectContaining({ topic, source: 'sequencing-service', payload })]);
      });
  });
});
