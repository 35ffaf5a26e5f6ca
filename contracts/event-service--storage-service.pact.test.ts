import { describe, it } from 'vitest';
import { LOCATION_ASSIGNED, LOCATION_RELEASED } from '../stack/events/storage-events.ts';
import { expectCarriedByBus } from './consumer/bus-interaction.ts';
import { pactFor } from './consumer/pact-for.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'storage-service');

/** The bus reads no payload field: the pacts pin only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- storage-service (storage events go on the bus)', () => {
  it.each([
    [MESSAGES.locationAssigned, LOCATION_ASSIGNED],
    [MESSAGES.locationReleased, LOCATION_RELEASED],
  ])('carries "%s" unchanged to a subscriber', async (description, topic) => {
    await expectCarriedByBus(pact, description, topic, 'storage-service');
  });
});
