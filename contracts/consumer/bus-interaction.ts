import { expect } from 'vitest';
import type { Pact } from '@pact-foundation/pact';
import { BUS_MESSAGE } from './bus-message.ts';
import { contentOf } from './message-content.ts';
import { throughBus } from './through-bus.ts';

/**
 * One event-service message interaction: the producer's event (pinned only by BUS_MESSAGE) goes through the
 * real EventBus and reaches a subscriber unchanged, under its topic and source.
 */
export async function expectCarriedByBus(pact: Pact, description: string, topic: string, source: string): Promise<void> {
  await pact
    .addAsynchronousInteraction()
    .expectsToReceive(description, (msg) => msg.withJSONContent(BUS_MESSAGE))
    .executeTest(async (message) => {
      const payload = contentOf(message);
      expect(await throughBus(topic, payload, source)).toEqual([expect.objectContaining({ topic, source, payload })]);
    });
}
