import { formatDuration } from '../core/duration.ts';
import type { Verdict } from './verdict.ts';

export interface WaitOptions {
  waitMs: number;
  signal?: AbortSignal | undefined;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** First pause between polls; grows by 1.6x up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** The last poll, at the deadline, still gets this long, so its reason is the service's and not our cut-off. */
const MIN_POLL_MS = 250;

/** A pause that ends early when the run is interrupted. */
function abortableSleep(signal: AbortSignal | undefined): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
}

/**
 * The seeds' wait-for-health.sh, with backoff: polls `probe` until it passes (or warns) or the
 * deadline passes. `probe` gets the time left so no request outlives the deadline. A service that
 * never came up fails with the last reason and how long it was given.
 */
export async function waitUntilHealthy(probe: (remainingMs: number) => Promise<Verdict>, options: WaitOptions): Promise<Verdict> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep(options.signal);
  const start = now();
  const deadline = start + options.waitMs;
  let delay = options.initialDelayMs ?? 100;
  for (let polls = 1; ; polls += 1) {
    const verdict = await probe(Math.max(MIN_POLL_MS, deadline - now()));
    const waitedMs = Math.round(now() - start);
    if (verdict.outcome === 'pass' || verdict.outcome === 'warn') return { ...verdict, detail: { ...verdict.detail, waitedMs, polls } };
    const remaining = deadline - now();
    if (remaining <= 0 || options.signal?.aborted || verdict.outcome === 'skip') {
      if (!verdict.failure || verdict.failure.kind === 'interrupted') return { ...verdict, detail: { ...verdict.detail, waitedMs, polls } };
      const message = `never became healthy within ${formatDuration(options.waitMs)} (${polls} poll${polls === 1 ? '' : 's'}); last: ${verdict.failure.message}`;
      return { ...verdict, failure: { ...verdict.failure, message }, detail: { ...verdict.detail, waitedMs, polls, neverHealthy: true } };
    }
    await sleep(Math.min(delay, remaining));
    delay = Math.min(options.maxDelayMs ?? 2000, delay * 1.6);
  }
}
