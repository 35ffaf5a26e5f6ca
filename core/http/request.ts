import { request, type Dispatcher } from 'undici';
import type { Failure } from '../result.ts';
import { sharedAgent } from './agent.ts';
import { classifyTransportError } from './classify-transport.ts';

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON (content-type set) unless a string. */
  body?: unknown;
  /** Deadline for the whole exchange: connect, headers and body (ms). */
  timeoutMs: number;
  /** The caller's abort (Ctrl-C); aborting it classifies as `interrupted`, not `timeout`. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  durationMs: number;
}

/** A response, or a classified transport failure (refused, DNS, timeout, TLS, reset, interrupted). */
export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; failure: Failure; durationMs: number };

/** The small interface suites take, so checks can be tested with a fake. */
export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResult>;
}

export interface HttpClientOptions {
  dispatcher?: Dispatcher;
  /** Monotonic clock in ms (injected by tests). */
  clock?: () => number;
}

function encodeBody(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/** An HttpClient over undici with keep-alive (the shared agent unless one is given) and per-request deadlines. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const clock = options.clock ?? (() => performance.now());
  return {
    async send(req) {
      const timeoutMs = Math.max(1, Math.ceil(req.timeoutMs));
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9, */*;q=0.5', ...req.headers };
      const body = encodeBody(req.body, headers);
      const start = clock();
      try {
        const res = await request(req.url, {
          method: req.method ?? 'GET',
          headers,
          body,
          signal,
          dispatcher: options.dispatcher ?? sharedAgent(),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const text = await res.body.text();
        return { ok: true, response: { status: res.statusCode, headers: res.headers, text, durationMs: clock() - start } };
      } catch (err) {
        const failure = classifyTransportError(err, {
          url: req.url,
          timeoutMs,
          deadlineHit: deadline.aborted && !req.signal?.aborted,
          interrupted: req.signal?.aborted ?? false,
        });
        return { ok: false, failure, durationMs: clock() - start };
      }
    },
  };
}
