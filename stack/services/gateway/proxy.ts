import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { describe } from '../../runtime/probes.ts';
import type { Reply } from '../../runtime/types.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { dispatchBuffered } from './dispatch-buffered.ts';

export interface Forward {
  readonly upstream: string;
  readonly pool: Dispatcher;
  readonly breaker: CircuitBreaker;
  readonly method: Dispatcher.HttpMethod;
  /** Path and query as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly user: { readonly id: string; readonly role: string } | undefined;
}

/**
 * Forwards one request to its upstream over the keep-alive pool. Connection errors and 5xx answers count as
 * breaker failures; an open breaker answers 503 at once with Retry-After.
 */
export async function forward(f: Forward): Promise<Reply> {
  if (!f.breaker.allow()) {
    return { status: 503, body: { error: `${f.upstream} circuit open` }, headers: { 'retry-after': String(f.breaker.retryAfterSeconds()) } };
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (f.headers.authorization) headers['authorization'] = f.headers.authorization;
  if (f.user) {
    headers['x-user-id'] = f.user.id;
    headers['x-user-role'] = f.user.role;
  }
  const requestId = f.headers['x-request-id'];
  if (typeof requestId === 'string') headers['x-request-id'] = requestId;
  let payload: string | undefined;
  if (f.body !== undefined) {
    payload = JSON.stringify(f.body);
    headers['content-type'] = 'application/json';
  }
  try {
    const res = await dispatchBuffered(f.pool, { method: f.method, path: f.url, headers, body: payload ?? null, headersTimeout: 10_000, bodyTimeout: 10_000 });
    if (res.status >= 500) f.breaker.failure();
    else f.breaker.success();
    const contentType = res.headers['content-type'];
    const retryAfter = res.headers['retry-after'];
    return {
      status: res.status,
      raw: res.body,
      contentType: typeof contentType === 'string' ? contentType : 'application/json',
      ...(typeof retryAfter === 'string' ? { headers: { 'retry-after': retryAfter } } : {}),
    };
  } catch (err) {
    f.breaker.failure();
    return { status: 502, body: { error: `${f.upstream} unreachable: ${describe(err)}` } };
  }
}
