import { z } from 'zod';
import { noEvents } from '../../runtime/admin.ts';
import { parseBody } from '../../runtime/body.ts';
import type { ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';

const SeedSchema = z.strictObject({ samples: z.number().int().nonnegative().optional(), jobs: z.number().int().nonnegative().optional() });

/**
 * The lab manager's dashboard: counts it keeps itself (the catalog gives it no dependencies, so it calls no one)
 * and the number of services in the catalog (drift: `samples` becomes a string).
 */
function create(ctx: ServiceContext): ServiceInstance {
  const counts = { samples: 0, jobs: 0 };
  const services = ctx.catalog.services.filter((s) => s.kind === 'http').length;
  return {
    routes: [
      {
        method: 'GET',
        path: '/api/v1/dashboard',
        handler: () => ({
          status: 200,
          body: { samples: ctx.faults.current.drift ? String(counts.samples) : counts.samples, jobs: counts.jobs, services, generated_at: new Date().toISOString() },
        }),
      },
    ],
    reset: () => {
      counts.samples = 0;
      counts.jobs = 0;
    },
    seed: (body) => Object.assign(counts, parseBody(SeedSchema, body)),
    produce: noEvents(ctx.id),
  };
}

export const labManagerService: ServiceModule = { database: true, create };
