import { formatDuration } from '../core/duration.ts';
import { systemClock, waitUntil, type Clock } from '../infra/wait.ts';
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

/**
 * The seeds' wait-for-health.sh, with backoff (infra/wait.ts): polls `probe` until it passes (or
 * warns) or the deadline passes. `probe` gets the time left so no request outlives the deadline. A
 * service that never came up fails with the last reason and how long it was given; a skip ends the wait.
 */
export async function waitUntilHealthy(probe: (remainingMs: number) => Promise<Verdict>, options: WaitOptions): Promise<Verdict> {
  const clock: Clock = { now: options.now ?? systemClock.now, sleep: options.sleep ? (ms) => options.sleep!(ms) : systemClock.sleep };
  let last: Verdict | undefined;
  let thrown: { error: unknown } | undefined;
  const result = await waitUntil(async (left) => {
    try {
      last = await probe(Math.max(MIN_POLL_MS, left));
    } catch (error) {
      thrown = { error };
      return { done: true, value: undefined };
    }
    const settled = last.outcome === 'pass' || last.outcome === 'warn' || last.outcome === 'skip';
    return settled ? { done: true, value: last } : { done: false, reason: last.failure?.message ?? last.outcome };
  }, {
    timeoutMs: options.waitMs,
    intervalMs: options.initialDelayMs ?? 100,
    maxIntervalMs: options.maxDelayMs ?? 2000,
    clock,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // A probe that throws is the harness's bug: it goes up, not into a wait.
  if (thrown) throw thrown.error;
  const verdict = (result.ok ? result.value : last) as Verdict;
  const detail = { ...verdict.detail, waitedMs: result.waitedMs, polls: result.polls };
  if (verdict.outcome === 'pass' || verdict.outcome === 'warn' || !verdict.failure || verdict.failure.kind === 'interrupted') return { ...verdict, detail };
  const message = `never became healthy within ${formatDuration(options.waitMs)} (${result.polls} poll${result.polls === 1 ? '' : 's'}); last: ${verdict.failure.message}`;
  return { ...verdict, failure: { ...verdict.failure, message }, detail: { ...detail, neverHealthy: true } };
}
