import { EventBusClient } from '../clients/event-bus-client.ts';
import { EnvelopeSchema } from '../events/envelope.ts';
import { MessageError, type HandlerOutcome } from '../events/message-error.ts';
import { describe } from './probes.ts';
import { parseBody } from './body.ts';
import type { Route, ServiceContext } from './types.ts';

export const INBOX_PATH = '/api/v1/events/inbox';

/** The catalog's event bus (`events.bus`). */
export function busOf(ctx: ServiceContext): string | undefined {
  return ctx.catalog.events.bus;
}

function busClient(ctx: ServiceContext): EventBusClient {
  const bus = busOf(ctx);
  if (bus === undefined) throw new Error(`the catalog names no event bus (events.bus)`);
  return new EventBusClient({ baseUrl: ctx.deps.url(bus), dispatcher: ctx.deps.pool(bus), source: ctx.id, timeoutMs: 3_000 });
}

/** Publishes on the event bus; a failure is logged (events are asynchronous: the request that caused them still succeeds). */
export async function publish(ctx: ServiceContext, topic: string, payload: unknown): Promise<boolean> {
  try {
    await busClient(ctx).publish(topic, payload);
    return true;
  } catch (err) {
    ctx.log(`publish ${topic} failed: ${describe(err)}`);
    return false;
  }
}

/** POST /api/v1/events/inbox: the bus delivers envelopes here; unreadable messages answer 422 (the bus dead-letters them). */
export function inboxRoute<S>(store: S, handlers: Readonly<Record<string, (store: S, message: unknown) => HandlerOutcome>>): Route {
  return {
    method: 'POST',
    path: INBOX_PATH,
    handler: (req) => {
      const envelope = parseBody(EnvelopeSchema, req.body);
      const handler = handlers[envelope.topic];
      if (!handler) return { status: 400, body: { error: `no handler for topic ${envelope.topic}` } };
      try {
        return { status: 200, body: { id: envelope.id, topic: envelope.topic, ...handler(store, envelope.payload) } };
      } catch (err) {
        if (err instanceof MessageError) return { status: 422, body: { error: err.message, details: err.details } };
        throw err;
      }
    },
  };
}

/**
 * Subscribes this service's inbox to every event the catalog says it consumes, as consumer `ctx.id` (so its
 * replicas share each message). The first attempt is awaited (so the stack is wired when it reports
 * ready); failures retry every second in the background.
 */
export async function subscribeConsumed(ctx: ServiceContext): Promise<void> {
  const topics = [...new Set(ctx.service.dependencies.consumes.map((c) => c.event))];
  const bus = busOf(ctx);
  if (topics.length === 0 || bus === undefined || !ctx.deps.has(bus)) return;
  let warned = false;
  const attempt = async (): Promise<boolean> => {
    try {
      for (const topic of topics) await busClient(ctx).subscribe(topic, `${ctx.selfUrl()}${INBOX_PATH}`, ctx.id);
      ctx.log(`subscribed to ${topics.join(', ')}`);
      return true;
    } catch (err) {
      if (!warned) ctx.log(`subscribe failed (${describe(err)}); retrying every second`);
      warned = true;
      return false;
    }
  };
  if (await attempt()) return;
  let tries = 0;
  const timer = setInterval(() => {
    tries += 1;
    void attempt().then((ok) => {
      if (ok || tries >= 300) clearInterval(timer);
    });
  }, 1_000);
  timer.unref();
}
