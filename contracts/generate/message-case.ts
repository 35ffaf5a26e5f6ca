import assert from 'node:assert/strict';
import type { MessageInteractionPlan } from '../../core/catalog/example-pins.ts';
import type { ConsumerCase } from '../consumer/consumer-contract.ts';
import { contentOf } from '../consumer/message-content.ts';
import { throughBus } from '../consumer/through-bus.ts';
import { exampleOf, pactMatcher } from './pact-matchers.ts';

function what(plan: MessageInteractionPlan): string {
  if (plan.fields.length > 0) return `the fields ${plan.bus ? 'its subscribers' : plan.consumer} read${plan.bus ? '' : 's'} (${plan.fields.join(', ')})`;
  return 'what its schema requires';
}

/** `order.placed: inventory-service reads order_id, sku (generated)`; the bus: `order.placed: carried by the bus ... (generated)`. */
export function messageDescription(plan: MessageInteractionPlan): string {
  return plan.bus ? `${plan.edge}: carried by the bus with ${what(plan)} (generated)` : `${plan.edge}: ${plan.consumer} receives it with ${what(plan)} (generated)`;
}

/**
 * The case of one consumer of a published event's example: the message pins the fields the consumer
 * reads (`consumes[].fields`; none listed: what the schema requires), as the schema says. A subscriber's
 * consumer checks the message carries exactly the example's pinned values; the bus's hands it to the
 * reference stack's real EventBus and checks one subscriber gets it unchanged, under its topic and source.
 */
export function messageCase(plan: MessageInteractionPlan): ConsumerCase {
  const content = plan.content ? pactMatcher(plan.content) : {};
  return {
    name: `${plan.bus ? 'carries' : 'receives'} ${plan.edge} from ${plan.provider} with ${what(plan)} (generated from the catalog example)`,
    description: messageDescription(plan),
    where: `catalog ${plan.where}`,
    run: (pact, description) =>
      pact
        .addAsynchronousInteraction()
        .expectsToReceive(description, (msg) => msg.withJSONContent(content))
        .executeTest(async (message) => {
          const payload = contentOf(message);
          assert.deepEqual(payload, exampleOf(content));
          if (!plan.bus) return;
          const delivered = await throughBus(plan.edge, payload, plan.provider);
          assert.equal(delivered.length, 1, `the bus delivered ${plan.edge} ${delivered.length} times`);
          assert.deepEqual({ topic: delivered[0]?.topic, source: delivered[0]?.source, payload: delivered[0]?.payload }, { topic: plan.edge, source: plan.provider, payload });
        }),
  };
}
