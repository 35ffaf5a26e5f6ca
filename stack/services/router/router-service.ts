import type { Dispatcher } from 'undici';
import { noEvents } from '../../runtime/admin.ts';
import { describe } from '../../runtime/probes.ts';
import type { Req, Reply, Route, ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';
import { dispatchBuffered } from '../gateway/dispatch-buffered.ts';
import { firstTaker, RoundRobin } from './balancer.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const PASSED_HEADERS = ['accept', 'authorization', 'content-type', 'x-request-id'];

/**
 * A catalog-declared router (`router: { routes: [{ prefix, to }] }`): each request whose path starts with a
 * route's prefix goes to one replica of the route's service, round-robin, the next replica when one refuses
 * the connection; 502 naming the service when none takes it. The answer (status, body, `x-served-by`) is
 * passed back as is.
 */
function create(ctx: ServiceContext): ServiceInstance {
  const router = ctx.service.router!;
  const balancers = new Map(router.routes.map((r) => [r.to, new RoundRobin()]));

  const handlerFor = (to: string) => async (req: Req): Promise<Reply> => {
    const headers: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const body = req.body === undefined ? null : JSON.stringify(req.body);
    if (body !== null) headers['content-type'] = 'application/json';
    const path = req.search === '' ? req.path : `${req.path}?${req.search}`;
    const order = balancers.get(to)!.order(ctx.deps.replicas(to));
    try {
      const { answer } = await firstTaker(order, (replica) =>
        dispatchBuffered(ctx.deps.poolAt(replica), { method: req.method as Dispatcher.HttpMethod, path, headers, body, headersTimeout: 10_000, bodyTimeout: 10_000 }));
      const pass: Record<string, string> = {};
      for (const name of ['x-served-by', 'retry-after']) {
        const value = answer.headers[name];
        if (typeof value === 'string') pass[name] = value;
      }
      const contentType = answer.headers['content-type'];
      return { status: answer.status, raw: answer.body, contentType: typeof contentType === 'string' ? contentType : 'application/json', headers: pass };
    } catch (err) {
      return { status: 502, body: { error: `${to}: no replica took the request (tried ${order.length}): ${describe(err)}` } };
    }
  };

  const routes: Route[] = router.routes.flatMap((route) => {
    const handler = handlerFor(route.to);
    const base = route.prefix.replace(/\/+$/, '');
    return METHODS.flatMap((method) => [
      { method, path: base || '/', handler },
      { method, path: `${base}/*`, handler },
    ]);
  });
  return { routes, reset: () => {}, seed: () => ({}), produce: noEvents(ctx.id) };
}

export const routerService: ServiceModule = { database: false, create };
