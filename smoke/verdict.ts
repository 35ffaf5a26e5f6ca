import type { Check, Failure, Outcome } from '../core/result.ts';

/** What one smoke check concluded, before it is timed and named as a Check. */
export interface Verdict {
  outcome: Outcome;
  failure?: Failure;
  detail: Record<string, unknown>;
}

export const pass = (detail: Record<string, unknown> = {}): Verdict => ({ outcome: 'pass', detail });
export const fail = (failure: Failure, detail: Record<string, unknown> = {}): Verdict => ({ outcome: 'fail', failure, detail: { url: failure.url, ...detail } });
export const skip = (reason: string, detail: Record<string, unknown> = {}): Verdict => ({ outcome: 'skip', detail: { ...detail, reason } });

export interface CheckIdentity {
  service: string;
  name: string;
}

export function toCheck(who: CheckIdentity, verdict: Verdict, durationMs: number): Check {
  return {
    id: `${who.service}.${who.name}`,
    name: who.name,
    service: who.service,
    outcome: verdict.outcome,
    durationMs: Math.max(0, Math.round(durationMs * 10) / 10),
    ...(verdict.failure ? { failure: verdict.failure } : {}),
    detail: verdict.detail,
  };
}

/**
 * Runs a check and times it; a throw inside a check is the harness's bug, recorded as `internal`;
 * a check cut short by Ctrl-C is inconclusive, not failed.
 */
export async function timedCheck(who: CheckIdentity, work: () => Promise<Verdict>): Promise<Check> {
  const start = performance.now();
  let verdict: Verdict;
  try {
    verdict = await work();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    verdict = fail({ kind: 'internal', message: `smoke check crashed: ${message.split('\n')[0]}` });
  }
  if (verdict.failure?.kind === 'interrupted') verdict = { ...verdict, outcome: 'inconclusive' };
  return toCheck(who, verdict, performance.now() - start);
}
