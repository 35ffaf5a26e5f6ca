import { z } from 'zod';
import { PartialFaultsSchema } from '../faults/faults.ts';
import { parseBody } from './body.ts';
import { Router } from './router.ts';
import { HttpError, type Route, type ServiceContext, type ServiceInstance } from './types.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

const ProduceSchema = z.strictObject({ event: z.string().min(1), data: z.unknown().optional() });

/** Loopback-only admin endpoints: faults, reset, seed (provider states) and produce (message pacts). */
export function adminRouter(ctx: ServiceContext, instance: ServiceInstance): Router {
  const routes: Route[] = [
    { method: 'GET', path: '/__admin/faults', handler: () => ({ status: 200, body: ctx.faults.current }) },
    {
      method: 'PUT',
      path: '/__admin/faults',
      handler: (req) => {
        const patch = parseBody(PartialFaultsSchema, req.body);
        const next = ctx.faults.set(patch);
        ctx.log(`faults set: ${JSON.stringify(patch)}`);
        return { status: 200, body: next };
      },
    },
    {
      method: 'POST',
      path: '/__admin/reset',
      handler: () => {
        instance.reset();
        return { status: 200, body: { reset: true, service: ctx.id } };
      },
    },
    { method: 'POST', path: '/__admin/seed', handler: (req) => ({ status: 200, body: instance.seed(req.body ?? {}) }) },
    {
      method: 'POST',
      path: '/__admin/produce',
      handler: (req) => {
        const { event, data } = parseBody(ProduceSchema, req.body);
        return { status: 200, body: instance.produce(event, data) };
      },
    },
  ];
  return new Router(routes);
}

/** For services that produce no events. */
export function noEvents(service: string): (event: string) => never {
  return (event) => {
    throw new HttpError(404, `${service} produces no event "${event}"`);
  };
}
