import type { Envelope } from '../../stack/events/envelope.ts';
import { EventBus } from '../../stack/services/event/event-bus.ts';

/**
 * Publishes `payload` on the reference stack's real EventBus (event-service's consumer code for published
 * events) with one subscriber, and returns the envelope that subscriber is handed.
 */
export async function throughBus(topic: string, payload: unknown, source: string): Promise<Envelope[]> {
  const delivered: Envelope[] = [];
  const bus = new EventBus({
    deliver: async (_url, envelope) => {
      delivered.push(envelope);
    },
    sleep: async () => {},
    now: () => new Date(),
    count: () => {},
  });
  bus.subscribe(topic, 'http://subscriber.invalid/api/v1/events/inbox');
  await bus.publish(topic, payload, source).delivered;
  return delivered;
}
