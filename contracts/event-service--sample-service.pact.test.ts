import { describe, it } from 'vitest';
import { SAMPLE_CREATED } from '../stack/events/sample-events.ts';
import { expectCarriedByBus } from './consumer/bus-interaction.ts';
import { pactFor } from './consumer/pact-for.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'sample-service');

/** The bus reads no payload field: the pact pins only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- sample-service (sample.created goes on the bus)', () => {
  it('carries sample.created unchanged to a subscriber under its topic and source', async () => {
    await expectCarriedByBus(pact, MESSAGES.sampleCreated, SAMPLE_CREATED, 'sample-service');
  });
});
