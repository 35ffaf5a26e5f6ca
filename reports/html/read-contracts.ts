import { combineOutcomes, suiteData, type SuiteResultOf } from '../../core/result.ts';
import type { ContractCell } from './model.ts';

const PAIR = /^([^>]+)->([^>]+)$/;

/**
 * One cell per consumer/provider pair: the combined outcome of every check about the pair
 * (coverage, consumer test, provider verification; their `service` is `consumer->provider`), the
 * kinds of edge (http, message) named in coverage checks, and the verified interaction counts from
 * the suite's `data.matrix` (read through contracts/data.ts: data that does not match throws).
 */
export function readContractCells(result: SuiteResultOf<'contracts'> | undefined): ContractCell[] {
  if (!result) return [];
  const pairs = new Map<string, { consumer: string; provider: string; outcomes: ContractCell['outcome'][]; kinds: Set<string>; notes: string[] }>();
  for (const check of result.checks) {
    const m = PAIR.exec(check.service ?? '');
    if (!m) continue;
    const [consumer, provider] = [m[1]!.trim(), m[2]!.trim()];
    const key = `${consumer}->${provider}`;
    const pair = pairs.get(key) ?? { consumer, provider, outcomes: [], kinds: new Set<string>(), notes: [] };
    pair.outcomes.push(check.outcome);
    const kind = /\((http|message): /.exec(check.name)?.[1];
    if (kind) pair.kinds.add(kind);
    if (check.failure && pair.notes.length < 3) pair.notes.push(check.failure.message);
    pairs.set(key, pair);
  }
  const verified = new Map<string, { interactions: number; failed: number }>();
  for (const row of suiteData(result)?.matrix ?? []) {
    const key = `${row.consumer}->${row.provider}`;
    const v = verified.get(key) ?? { interactions: 0, failed: 0 };
    verified.set(key, { interactions: v.interactions + row.interactions, failed: v.failed + row.failed });
  }
  return [...pairs].map(([key, p]): ContractCell => {
    const v = verified.get(key);
    const counts = v ? `${v.interactions - v.failed}/${v.interactions} interactions verified` : undefined;
    return {
      consumer: p.consumer,
      provider: p.provider,
      kind: [...p.kinds].sort().join('+') || undefined,
      outcome: combineOutcomes(p.outcomes),
      note: [...p.notes, ...(counts ? [counts] : [])].join('; ') || undefined,
    };
  });
}
