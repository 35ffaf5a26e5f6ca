import { noEvents } from '../runtime/admin.ts';
import type { ServiceContext, ServiceInstance, ServiceModule } from '../runtime/types.ts';

/**
 * For a catalog service the reference stack has no implementation of: it answers health and metrics,
 * and 501 on its catalog endpoints, so a smoke run reports exactly which service is missing.
 */
function create(ctx: ServiceContext): ServiceInstance {
  return {
    routes: ctx.service.endpoints.map((e) => ({
      method: e.method,
      path: e.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: () => ({ status: 501, body: { error: `${ctx.id} has no reference implementation of ${e.method} ${e.path}` } }),
    })),
    reset: () => {},
    seed: () => ({}),
    produce: noEvents(ctx.id),
  };
}

export const genericService: ServiceModule = { database: false, create };
