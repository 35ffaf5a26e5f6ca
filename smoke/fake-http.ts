import type { HttpClient, HttpRequest, HttpResult } from '../core/http/request.ts';
import type { Failure } from '../core/result.ts';

/** A canned answer: a response, or a transport failure kind (refused, timeout, ...). */
export type FakeAnswer = { status: number; body?: unknown } | { fails: Failure['kind']; message?: string };

/** Test double for HttpClient: `route` answers each request; every request is recorded. */
export function fakeHttp(route: (req: HttpRequest) => FakeAnswer): HttpClient & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async send(req): Promise<HttpResult> {
      requests.push(req);
      const answer = route(req);
      if ('fails' in answer) return { ok: false, durationMs: 1, failure: { kind: answer.fails, url: req.url, message: answer.message ?? `${answer.fails} (fake)` } };
      const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
      return { ok: true, response: { status: answer.status, headers: {}, text, durationMs: 2 } };
    },
  };
}
