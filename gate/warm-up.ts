import type { ResolvedCatalog } from '../core/catalog/resolve.ts';
import type { HttpClient, HttpRequest } from '../core/http/request.ts';

/** Requests to send once per round: each running service's health path and its catalog endpoints that need no token. */
export function warmUpRequests(resolved: ResolvedCatalog, timeoutMs: number): HttpRequest[] {
  return resolved.services.flatMap((s): HttpRequest[] => {
    if (s.service.kind !== 'http' || !s.baseUrl) return [];
    const health: HttpRequest = { method: 'GET', url: `${s.baseUrl}${s.service.health?.path ?? '/health'}`, timeoutMs };
    const endpoints = s.service.endpoints
      .filter((e) => !e.auth && !e.path.includes('{'))
      .map((e): HttpRequest => ({ method: e.method, url: `${s.baseUrl}${e.path}`, timeoutMs, ...(e.body ? { body: e.body } : {}) }));
    return [health, ...endpoints];
  });
}

/**
 * Warms a freshly started local stack before the gate measures it: a few rounds of the requests
 * above (bounded in count and time; answers are not judged, the suites judge). Cold processes
 * otherwise answer their first requests slowly, and their request counters would only come into
 * existence inside the SLO window, where `increase()` cannot see a counter's first value.
 */
export async function warmUp(http: HttpClient, resolved: ResolvedCatalog, options: { rounds: number; timeoutMs: number; signal?: AbortSignal }): Promise<{ sent: number; answered: number }> {
  const requests = warmUpRequests(resolved, options.timeoutMs);
  let sent = 0;
  let answered = 0;
  for (let round = 0; round < options.rounds && !options.signal?.aborted; round += 1) {
    const results = await Promise.all(requests.map((r) => http.send({ ...r, ...(options.signal ? { signal: options.signal } : {}) })));
    sent += results.length;
    answered += results.filter((r) => r.ok).length;
  }
  return { sent, answered };
}
