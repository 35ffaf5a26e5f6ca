import { Agent, request } from 'undici';
import { z } from 'zod';
import type { Envelope } from '../../events/envelope.ts';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import type { ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';
import { EventBus } from './event-bus.ts';

const PublishSchema = z.object({ topic: z.string().min(1), payload: z.unknown(), source: z.string().min(1).optional() });
/** `group`: the consumer (a service id) the inbox belongs to; its replicas share one group and each message goes to one of them. */
const SubscribeSchema = z.object({ topic: z.string().min(1), url: z.url(), group: z.string().min(1).optional() });
const SeedSchema = z.strictObject({ subscriptions: z.array(SubscribeSchema).default([]) });

function create(ctx: ServiceContext): ServiceInstance {
  const agent = new Agent({ keepAliveTimeout: 4_000, connections: 16, connectTimeout: 2_000 });
  const events = ctx.metrics.counter('event_bus_events_total', 'Events on the bus by topic and outcome (published, delivered, failed attempt, dead_lettered).', ['topic', 'outcome']);
  const drift = () => ctx.faults.current.drift;
  const bus: EventBus = new EventBus({
    deliver: async (url: string, envelope: Envelope) => {
      const { payload, ...rest } = envelope;
      const body = JSON.stringify(drift() ? { ...rest, data: payload } : envelope);
      const res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent, signal: AbortSignal.timeout(2_000) });
      const text = await res.body.text();
      if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`${url} answered ${res.statusCode}: ${text.slice(0, 300)}`);
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date(),
    count: (topic, outcome) => events.inc({ topic, outcome }),
  });
  ctx.metrics.gauge('event_bus_dead_letter_queue_size', 'Messages in the dead-letter queue, per consumer (0 for every subscribed consumer without any).', ['consumer'], (g) => {
    g.reset();
    for (const [consumer, size] of bus.deadLettersBy()) g.set({ consumer }, size);
  });
  const declared = new Set(ctx.catalog.services.flatMap((s) => s.dependencies.publishes.map((p) => p.event)));
  return {
    routes: [
      {
        method: 'POST',
        path: '/api/v1/events/publish',
        handler: (req) => {
          const input = parseBody(PublishSchema, req.body);
          const { envelope, subscribers } = bus.publish(input.topic, input.payload, input.source);
          return { status: 202, body: { id: envelope.id, topic: envelope.topic, subscribers } };
        },
      },
      {
        method: 'POST',
        path: '/api/v1/events/subscribe',
        handler: (req) => {
          const { topic, url, group } = parseBody(SubscribeSchema, req.body);
          return { status: bus.subscribe(topic, url, group) ? 201 : 200, body: { topic, url, ...(group ? { group } : {}) } };
        },
      },
      {
        method: 'GET',
        path: '/api/v1/events/topics',
        handler: () => {
          const names = new Set([...declared, ...bus.subscribers.keys(), ...bus.published.keys()]);
          const subscribersKey = drift() ? 'subscriber_count' : 'subscribers';
          const topics = [...names].sort().map((name) => ({ name, [subscribersKey]: bus.subscribers.get(name)?.size ?? 0, published: bus.published.get(name) ?? 0 }));
          return { status: 200, body: { topics } };
        },
      },
      { method: 'GET', path: '/api/v1/events/dead-letter', handler: () => ({ status: 200, body: { data: bus.deadLetters, total: bus.deadLetters.length } }) },
      {
        method: 'GET',
        path: '/api/v1/events',
        handler: (req) => {
          const topic = new URLSearchParams(req.search).get('topic');
          const data = bus.recent.filter((e) => !topic || e.topic === topic);
          return { status: 200, body: { data, total: data.length } };
        },
      },
    ],
    reset: () => bus.clear(),
    seed: (body) => {
      for (const s of parseBody(SeedSchema, body).subscriptions) bus.subscribe(s.topic, s.url, s.group);
      return { topics: bus.subscribers.size };
    },
    produce: noEvents(ctx.id),
  };
}

export const eventService: ServiceModule = { database: false, create };
