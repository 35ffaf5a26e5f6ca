import { describe, it } from 'vitest';
import { JOB_COMPLETED, JOB_SUBMITTED } from '../stack/events/sequencing-events.ts';
import { expectCarriedByBus } from './consumer/bus-interaction.ts';
import { pactFor } from './consumer/pact-for.ts';
import { MESSAGES } from './interactions.ts';

const pact = pactFor('event-service', 'sequencing-service');

/** The bus reads no payload field: the pacts pin only BUS_MESSAGE (see there); subscribers' pacts pin what they read. */
describe('event-service <- sequencing-service (sequencing events go on the bus)', () => {
  it.each([
    [MESSAGES.jobSubmitted, JOB_SUBMITTED],
    [MESSAGES.jobCompleted, JOB_COMPLETED],
  ])('carries "%s" unchanged to a subscriber', async (description, topic) => {
    await expectCarriedByBus(pact, description, topic, 'sequencing-service');
  });
});
