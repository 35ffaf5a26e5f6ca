import type { Endpoint } from '../../core/catalog/schema.ts';
import { noEvents } from '../runtime/admin.ts';
import type { Reply, ServiceContext, ServiceInstance, ServiceModule } from '../runtime/types.ts';

/** A catalog endpoint's answer: its `example` (a body that satisfies its schema) with its status, or 501 naming what is missing. */
export function exampleReply(id: string, endpoint: Endpoint): Reply {
  if (endpoint.example !== undefined) return { status: endpoint.status, body: endpoint.example };
  return { status: 501, body: { error: `${id} has no reference implementation of ${endpoint.method} ${endpoint.path} and the catalog gives no example` } };
}

/**
 * For a catalog service the reference stack has no implementation of: it answers health and metrics,
 * and each catalog endpoint with the endpoint's `example:` (so a catalog-only service is served),
 * or 501 when the catalog gives none, so a smoke run reports exactly what is missing.
 */
function create(ctx: ServiceContext): ServiceInstance {
  return {
    routes: ctx.service.endpoints.map((e) => ({
      method: e.method,
      path: e.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: () => exampleReply(ctx.id, e),
    })),
    reset: () => {},
    seed: () => ({}),
    produce: noEvents(ctx.id),
  };
}

export const genericService: ServiceModule = { database: false, create };
