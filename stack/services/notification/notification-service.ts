import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NOTIFICATION_HANDLERS, type NotificationSink } from '../../events/notification-handlers.ts';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import { inboxRoute, subscribeConsumed } from '../../runtime/events.ts';
import type { ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';

const CHANNELS = ['email', 'slack', 'teams'] as const;
const SendSchema = z.object({ channel: z.enum(CHANNELS), recipient: z.string().min(1), subject: z.string().min(1), body: z.string().default('') });
const SeedSchema = z.strictObject({ notifications: z.array(SendSchema.extend({ id: z.string().min(1) })).default([]) });

interface NotificationRecord {
  readonly id: string;
  readonly channel: (typeof CHANNELS)[number];
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly status: 'sent';
  readonly created_at: string;
}

/** The notification body (catalog/tracseq/schemas/notification-list.json items); drift renames `id` to `notification_id`. */
function view(n: NotificationRecord, drift: boolean): Record<string, unknown> {
  const { id, ...rest } = n;
  return { [drift ? 'notification_id' : 'id']: id, ...rest };
}

function create(ctx: ServiceContext): ServiceInstance {
  const items: NotificationRecord[] = [];
  const add = (n: Omit<NotificationRecord, 'id' | 'status' | 'created_at'> & { id?: string }): NotificationRecord => {
    const record: NotificationRecord = { id: n.id ?? randomUUID(), channel: n.channel, recipient: n.recipient, subject: n.subject, body: n.body, status: 'sent', created_at: new Date().toISOString() };
    items.push(record);
    if (items.length > 10_000) items.shift();
    return record;
  };
  const sink: NotificationSink = { add };
  const drift = () => ctx.faults.current.drift;
  return {
    routes: [
      { method: 'GET', path: '/api/v1/notifications', handler: () => ({ status: 200, body: { data: items.map((n) => view(n, drift())) } }) },
      { method: 'POST', path: '/api/v1/notifications', handler: (req) => ({ status: 201, body: view(add(parseBody(SendSchema, req.body)), drift()) }) },
      inboxRoute(sink, NOTIFICATION_HANDLERS),
    ],
    start: () => subscribeConsumed(ctx),
    reset: () => {
      items.length = 0;
    },
    seed: (body) => {
      for (const n of parseBody(SeedSchema, body).notifications) add(n);
      return { notifications: items.length };
    },
    produce: noEvents(ctx.id),
  };
}

export const notificationService: ServiceModule = { database: true, create };
