import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isLoopback } from './admin.ts';
import { readJsonBody } from './body.ts';
import type { ServiceDatabase } from './service-database.ts';
import { databaseGuard } from './database-guard.ts';
import { BAD_DATABASE_URL } from './deps.ts';
import type { Router } from './router.ts';
import { HttpError, type Reply, type Req, type ServiceContext } from './types.ts';

export interface Pipeline {
  readonly ctx: ServiceContext;
  readonly router: Router;
  readonly admin: Router;
  readonly database: ServiceDatabase;
  /** Requests inside a handler right now (a simulated database reports it as database_connection_pool_active). */
  readonly active: { count: number };
  /** `sample-service#2` for a replica: sent as `x-served-by` on every answer (which replica a router picked). */
  readonly servedBy?: string | undefined;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The request pipeline every service shares: admin and /metrics first (no faults, not counted), then
 * route match, faults (delay, injected 5xx, database at the wrong address), a real database that does not
 * answer (503, checked at most once a second), the handler, and one metrics record.
 */
export function createServiceServer(pipeline: Pipeline): Server {
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    handle(pipeline, req, res).catch((err: unknown) => {
      pipeline.ctx.log(`unhandled: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal server error' } });
    });
  });
  return server;
}

async function handle(p: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const search = q === -1 ? '' : url.slice(q + 1);
  const method = req.method ?? 'GET';
  if (path.startsWith('/__admin/')) return serveAdmin(p, req, res, method, path, search);
  if (path === (p.ctx.service.metrics?.path ?? '/metrics') && method === 'GET') return serveMetrics(p, res);

  const match = p.router.match(method, path);
  const route = match ? match.route.path : (p.router.templateFor(path) ?? 'unmatched');
  let reply: Reply;
  try {
    if (!match) reply = route === 'unmatched' ? notFound(method, path) : { status: 405, body: { error: `${method} not allowed on ${route}` } };
    else {
      const faulted = (p.ctx.faults.any ? await applyFaults(p, path) : undefined) ?? (p.database.real && path.startsWith('/api/') ? await databaseGuard(p.database.target, () => p.database.check()) : undefined);
      p.active.count += 1;
      try {
        reply = faulted ?? (await match.route.handler(await request(req, method, path, search, match.params)));
      } finally {
        p.active.count -= 1;
      }
    }
  } catch (err) {
    reply = errorReply(err, p.ctx);
  }
  send(res, p.servedBy ? { ...reply, headers: { ...reply.headers, 'x-served-by': p.servedBy } } : reply);
  p.ctx.metrics.record(method, route, reply.status, (performance.now() - started) / 1000);
}

async function applyFaults(p: Pipeline, path: string): Promise<Reply | undefined> {
  const delay = p.ctx.faults.delayMs();
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  if (!path.startsWith('/api/')) return undefined;
  if (p.ctx.faults.shouldFail()) return { status: 500, body: { error: 'internal server error (errors fault)' } };
  if (p.database.present && p.ctx.faults.current.badDependency) return databaseGuard(BAD_DATABASE_URL);
  return undefined;
}

async function request(req: IncomingMessage, method: string, path: string, search: string, params: Readonly<Record<string, string>>): Promise<Req> {
  const body = BODY_METHODS.has(method) ? await readJsonBody(req) : undefined;
  return { method, path, search, params, headers: req.headers, body, remoteAddress: req.socket.remoteAddress ?? '' };
}

async function serveAdmin(p: Pipeline, req: IncomingMessage, res: ServerResponse, method: string, path: string, search: string): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) return send(res, { status: 403, body: { error: 'admin endpoints answer loopback clients only' } });
  const match = p.admin.match(method, path);
  try {
    send(res, match ? await match.route.handler(await request(req, method, path, search, match.params)) : notFound(method, path));
  } catch (err) {
    send(res, errorReply(err, p.ctx));
  }
}

async function serveMetrics(p: Pipeline, res: ServerResponse): Promise<void> {
  if (p.ctx.faults.current.metricsMissing) return send(res, { status: 404, body: { error: 'not found' } });
  send(res, { status: 200, raw: await p.ctx.metrics.text(), contentType: p.ctx.metrics.contentType });
}

function notFound(method: string, path: string): Reply {
  return { status: 404, body: { error: `no route for ${method} ${path}` } };
}

export function errorReply(err: unknown, ctx: ServiceContext): Reply {
  if (err instanceof HttpError) return { status: err.status, body: err.details.length > 0 ? { error: err.message, details: err.details } : { error: err.message } };
  if (err instanceof URIError) return { status: 400, body: { error: 'malformed path' } };
  ctx.log(`handler error: ${err instanceof Error ? err.message : String(err)}`);
  return { status: 500, body: { error: 'internal server error' } };
}

export function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.raw ?? (reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}
