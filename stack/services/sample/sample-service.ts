import { z } from 'zod';
import { SAMPLE_HANDLERS } from '../../events/sample-handlers.ts';
import { buildSampleCreated, SAMPLE_CREATED } from '../../events/sample-events.ts';
import { parseBody } from '../../runtime/body.ts';
import { inboxRoute, subscribeConsumed } from '../../runtime/events.ts';
import { HttpError, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';
import { sampleRoutes } from './sample-routes.ts';
import { SAMPLE_STATUSES, SampleStore } from './sample-store.ts';

const SeedSchema = z.strictObject({
  samples: z.array(z.object({
    id: z.string().min(1),
    barcode: z.string().min(1),
    sample_type: z.string().min(1),
    status: z.enum(SAMPLE_STATUSES).default('received'),
    storage_location_id: z.string().nullable().default(null),
    metadata: z.record(z.string(), z.unknown()).default({}),
    created_at: z.string().min(1).optional(),
  })).default([]),
});

const ProduceSampleSchema = z.object({
  id: z.string().min(1).default('sample-0001'),
  barcode: z.string().min(1).default('TS-20250701-00001'),
  sample_type: z.string().min(1).default('blood'),
  status: z.string().min(1).default('received'),
  created_at: z.string().min(1).default('2025-07-01T09:00:00.000Z'),
});

function create(ctx: ServiceContext): ServiceInstance {
  const store = new SampleStore();
  const processing = ctx.metrics.histogram('sample_processing_duration_seconds', 'Time from receiving a sample to having it stored, in seconds.', [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  return {
    routes: [...sampleRoutes(ctx, store, processing), inboxRoute(store, SAMPLE_HANDLERS)],
    start: () => subscribeConsumed(ctx),
    reset: () => store.clear(),
    seed: (body) => {
      const seed = parseBody(SeedSchema, body);
      for (const s of seed.samples) {
        store.delete(s.id);
        store.insert({ ...s, created_at: s.created_at ?? new Date().toISOString() }, new Date());
      }
      return { samples: store.size };
    },
    produce: (event, data) => {
      if (event !== SAMPLE_CREATED) throw new HttpError(404, `sample-service produces ${SAMPLE_CREATED}, not "${event}"`);
      return buildSampleCreated(parseBody(ProduceSampleSchema, data), { drift: ctx.faults.current.drift });
    },
  };
}

export const sampleService: ServiceModule = { database: true, create };
