import type { Dispatcher } from 'undici';
import { noEvents } from '../../runtime/admin.ts';
import type { Req, Reply, Route, ServiceContext, ServiceInstance, ServiceModule } from '../../runtime/types.ts';
import { routePrefixes } from '../route-prefixes.ts';
import { CircuitBreaker, STATE_VALUE } from './circuit-breaker.ts';
import { GatewayAuth, OPEN_PATHS } from './gateway-auth.ts';
import { gatewayHealth } from './gateway-health.ts';
import { forward } from './proxy.ts';
import { RateLimiter } from './rate-limiter.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const API_PREFIX_LENGTH = '/api/v1/'.length;

/** `/api/v1/samples/12?x` -> `/api/v1/samples`. */
export function prefixOf(path: string): string {
  const end = path.indexOf('/', API_PREFIX_LENGTH);
  return end === -1 ? path : path.slice(0, end);
}

/** Drift on the gateway: list bodies come back as `items` instead of `data`. */
function drifted(reply: Reply): Reply {
  if (!Buffer.isBuffer(reply.raw) || !reply.contentType?.includes('json')) return reply;
  try {
    const { data, ...rest } = JSON.parse(reply.raw.toString('utf8')) as Record<string, unknown>;
    return data === undefined ? reply : { status: reply.status, body: { ...rest, items: data }, ...(reply.headers ? { headers: reply.headers } : {}) };
  } catch {
    return reply;
  }
}

function create(ctx: ServiceContext): ServiceInstance {
  const { rateLimit, circuitBreaker } = ctx.settings;
  let limiter = new RateLimiter(rateLimit.requests, rateLimit.windowMs);
  const breakers = new Map<string, CircuitBreaker>();
  const breaker = (id: string) => {
    let b = breakers.get(id);
    if (!b) breakers.set(id, (b = new CircuitBreaker(circuitBreaker.threshold, circuitBreaker.recoveryMs)));
    return b;
  };
  const auth = new GatewayAuth(ctx, () => breaker('auth-service'));
  let table = new Map<string, string>();
  const upstreams = () => [...new Set(table.values())];
  const health = gatewayHealth(ctx, upstreams);
  ctx.metrics.gauge('circuit_breaker_state', 'Circuit breaker state per upstream: 0 closed, 1 open, 2 half-open.', ['upstream'], (g) => {
    for (const [id, b] of breakers) g.set({ upstream: id }, STATE_VALUE[b.state]);
  });
  ctx.metrics.gauge('circuit_breaker_failures', 'Consecutive failures counted by each upstream circuit breaker.', ['upstream'], (g) => {
    for (const [id, b] of breakers) g.set({ upstream: id }, b.failures);
  });

  const handle = async (req: Req): Promise<Reply> => {
    const decision = limiter.take(req.remoteAddress);
    if (!decision.allowed) {
      return { status: 429, body: { error: `rate limit of ${rateLimit.requests} requests per ${rateLimit.windowMs / 1000} s exceeded` }, headers: { 'retry-after': String(decision.retryAfterSeconds) } };
    }
    const upstream = table.get(prefixOf(req.path));
    if (!upstream) return { status: 404, body: { error: `no upstream serves ${req.path}` } };
    const user = OPEN_PATHS.has(req.path) ? undefined : await auth.user(req.headers.authorization);
    const url = req.search === '' ? req.path : `${req.path}?${req.search}`;
    const pool = ctx.deps.pool(upstream);
    const reply = await forward({ upstream, pool, breaker: breaker(upstream), method: req.method as Dispatcher.HttpMethod, url, headers: req.headers, body: req.body, user });
    return ctx.faults.current.drift ? drifted(reply) : reply;
  };

  // Routes for every catalog http service; `table` (set at start) says which of them run in this stack.
  const prefixes = [...routePrefixes(ctx.catalog.services.filter((s) => s.kind === 'http' && s.id !== ctx.id).map((s) => s.id)).keys()];
  const routes: Route[] = prefixes.flatMap((prefix) => METHODS.flatMap((method) => [
    { method, path: prefix, handler: handle },
    { method, path: `${prefix}/*`, handler: handle },
  ]));
  return {
    routes,
    start: () => {
      table = routePrefixes(Object.keys(ctx.deps.urls).filter((id) => id !== ctx.id));
    },
    health: () => health.health(),
    extraHealth: () => health.extraHealth(),
    reset: () => {
      auth.clear();
      limiter = new RateLimiter(rateLimit.requests, rateLimit.windowMs);
      breakers.clear();
    },
    seed: () => ({ upstreams: upstreams().length }),
    produce: noEvents(ctx.id),
  };
}

export const gatewayService: ServiceModule = { database: false, create };
