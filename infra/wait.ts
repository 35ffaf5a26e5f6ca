import { UnreachableError } from '../core/errors.ts';
import type { RunningChild } from './process.ts';

/**
 * Readiness, never a fixed sleep: polls a probe until it succeeds, with a deadline, a growing pause
 * between polls and an injected clock (tests never sleep). smoke's wait-for-health is the model.
 */
export interface Clock {
  now(): number;
  /** A pause that ends early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** One poll: done with a value, or not yet with the reason (named when the deadline passes). */
export type Poll<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly reason: string };

export interface WaitOptions {
  readonly timeoutMs: number;
  /** First pause between polls (default 50 ms); grows by 1.6x up to `maxIntervalMs` (default 1 s). */
  readonly intervalMs?: number;
  readonly maxIntervalMs?: number;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Stop waiting as soon as this child exits (a server that died at start never becomes ready). */
  readonly child?: RunningChild;
}

export type WaitResult<T> =
  | { readonly ok: true; readonly value: T; readonly polls: number; readonly waitedMs: number }
  | { readonly ok: false; readonly reason: string; readonly polls: number; readonly waitedMs: number; readonly why: 'deadline' | 'aborted' | 'exited' };

/** Polls `probe` (given the time left, so no request outlives the deadline) until it is done or the wait ends. */
export async function waitUntil<T>(probe: (remainingMs: number) => Promise<Poll<T>>, options: WaitOptions): Promise<WaitResult<T>> {
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  const deadline = start + options.timeoutMs;
  let delay = options.intervalMs ?? 50;
  let reason = 'not polled';
  for (let polls = 1; ; polls += 1) {
    let poll: Poll<T>;
    try {
      poll = await probe(Math.max(1, deadline - clock.now()));
    } catch (err) {
      poll = { done: false, reason: err instanceof Error ? err.message : String(err) };
    }
    const waitedMs = Math.round(clock.now() - start);
    if (poll.done) return { ok: true, value: poll.value, polls, waitedMs };
    reason = poll.reason;
    if (options.child && !options.child.running()) return { ok: false, reason, polls, waitedMs, why: 'exited' };
    if (options.signal?.aborted) return { ok: false, reason, polls, waitedMs, why: 'aborted' };
    const remaining = deadline - clock.now();
    if (remaining <= 0) return { ok: false, reason, polls, waitedMs, why: 'deadline' };
    await clock.sleep(Math.min(delay, remaining), options.signal);
    delay = Math.min(options.maxIntervalMs ?? 1_000, delay * 1.6);
  }
}

/**
 * Waits until `what` is ready, or throws an UnreachableError (exit 3) naming it, how long it was
 * given, the last reason, and, when a child died at start, how it exited and its last output lines.
 */
export async function waitReady<T>(what: string, probe: (remainingMs: number) => Promise<Poll<T>>, options: WaitOptions): Promise<T> {
  const result = await waitUntil(probe, options);
  if (result.ok) return result.value;
  const child = options.child;
  if (result.why === 'exited' && child) {
    const info = await child.exited;
    const how = info.error ? `could not start (${info.error})` : `exited at start (${info.signal ?? `code ${info.code}`})`;
    throw new UnreachableError(`${what}: ${child.label} ${how}`, child.tail().split('\n').filter(Boolean).slice(-5));
  }
  const tail = child ? child.tail().split('\n').filter(Boolean).slice(-5) : [];
  throw new UnreachableError(`${what}: not ready within ${options.timeoutMs} ms (${result.reason})`, tail);
}
