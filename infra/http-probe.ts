import { request } from 'undici';
import type { Poll } from './wait.ts';

/**
 * A readiness probe for infra/wait.ts: GET `url`, done when `ready(status)` holds (default: 200).
 * Each request is bounded by the time the wait has left (at most 2 s).
 */
export function httpProbe(url: string, ready: (status: number) => boolean = (status) => status === 200): (remainingMs: number) => Promise<Poll<number>> {
  return async (remainingMs) => {
    const timeout = Math.max(50, Math.min(2_000, remainingMs));
    const res = await request(url, { headersTimeout: timeout, bodyTimeout: timeout });
    await res.body.dump();
    return ready(res.statusCode) ? { done: true, value: res.statusCode } : { done: false, reason: `${url} answered ${res.statusCode}` };
  };
}
