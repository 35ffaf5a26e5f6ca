import { EnvelopeSchema } from '../../events/envelope.ts';
import { parseBody } from '../../runtime/body.ts';
import type { Database } from '../../runtime/database.ts';
import { INBOX_PATH } from '../../runtime/events.ts';
import type { Reply, Route, ServiceContext } from '../../runtime/types.ts';

/** The payload fields a consumer reads that `payload` lacks (every one, when it is not an object). */
export function missingFields(payload: unknown, fields: readonly string[]): string[] {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return [...fields];
  return fields.filter((f) => !Object.hasOwn(payload, f));
}

/**
 * The generic consumer's inbox (POST /api/v1/events/inbox), for the events the catalog says the service
 * consumes: a message without a field the catalog says it reads answers 422 (the bus dead-letters it); the
 * consumer-fails fault answers 500 (the bus retries, then dead-letters); otherwise the message is written to
 * the service's database, when it has one, and acknowledged.
 */
export function consumerInbox(ctx: ServiceContext, db: Database | undefined): Route {
  const fields = new Map<string, string[]>();
  for (const c of ctx.service.dependencies.consumes) fields.set(c.event, [...new Set([...(fields.get(c.event) ?? []), ...c.fields])]);
  return {
    method: 'POST',
    path: INBOX_PATH,
    handler: async (req): Promise<Reply> => {
      const envelope = parseBody(EnvelopeSchema, req.body);
      const reads = fields.get(envelope.topic);
      if (!reads) return { status: 400, body: { error: `${ctx.id} consumes no event "${envelope.topic}"` } };
      if (ctx.faults.current.consumerFails) return { status: 500, body: { error: `${ctx.id} could not process ${envelope.topic} ${envelope.id} (consumer-fails fault)` } };
      const missing = missingFields(envelope.payload, reads);
      if (missing.length > 0) {
        const details = missing.map((f) => `${f}: missing`);
        return { status: 422, body: { error: `${envelope.topic}: unreadable message (${details.join('; ')})`, details } };
      }
      await db?.query(`consume ${envelope.topic}`);
      return { status: 200, body: { id: envelope.id, topic: envelope.topic, handled: true } };
    },
  };
}
