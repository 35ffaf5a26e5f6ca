import type { Verdict } from './verdict.ts';

export interface RetryOptions {
  /** Extra attempts after the first (0 = try once). */
  retries: number;
  /** Wait before retry i (0-based); default 100 ms doubling, at most 1 s. */
  backoffMs?: (i: number) => number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const defaultBackoff = (i: number): number => Math.min(1000, 100 * 2 ** i);
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Retries a failing check up to `retries` times and never hides what happened: every attempt is
 * recorded in `detail.attempts`; a pass after failures becomes a WARN naming the earlier failure;
 * a failure on every attempt says how many were made. Skips are not retried.
 */
export async function withRetries(options: RetryOptions, attempt: () => Promise<Verdict>): Promise<Verdict> {
  const backoff = options.backoffMs ?? defaultBackoff;
  const sleep = options.sleep ?? defaultSleep;
  const history: Verdict[] = [];
  for (let i = 0; ; i += 1) {
    const verdict = await attempt();
    history.push(verdict);
    const last = i >= options.retries || verdict.outcome !== 'fail' || verdict.failure?.kind === 'interrupted' || options.signal?.aborted;
    if (last) return summarise(history, options.retries + 1);
    await sleep(backoff(i));
  }
}

function summarise(history: Verdict[], allowed: number): Verdict {
  const final = history.at(-1)!;
  if (history.length === 1) return final;
  const attempts = history.map((v, i) => ({ attempt: i + 1, outcome: v.outcome, ...(v.failure ? { kind: v.failure.kind, message: v.failure.message } : {}) }));
  const detail = { ...final.detail, attempts };
  if (final.outcome === 'fail' && final.failure) {
    return { ...final, failure: { ...final.failure, message: `${final.failure.message} (failed all ${history.length} attempts)` }, detail };
  }
  const firstFailure = history.find((v) => v.failure)?.failure;
  const reason = `passed only on attempt ${history.length} of ${allowed}; attempt 1: ${firstFailure?.message ?? 'failed'}`;
  return {
    outcome: final.outcome === 'pass' ? 'warn' : final.outcome,
    ...(firstFailure ? { failure: { ...firstFailure, message: reason } } : {}),
    detail: { ...detail, reason },
  };
}
