import { lookup as dnsLookupAll } from 'node:dns/promises';
import { isIPv6 } from 'node:net';
import { replicaEnvVar } from '../core/catalog/resolve.ts';
import { UNREACHABLE_KINDS, type ReplicaTally } from '../core/failure-class.ts';
import { classifyTransportError } from '../core/http/classify-transport.ts';
import type { ServicePlan } from './plan.ts';
import { fail, type Verdict } from './verdict.ts';

/** Every address a host name resolves to (injected by tests). */
export type Lookup = (hostname: string) => Promise<string[]>;

export const dnsLookup: Lookup = async (hostname) => (await dnsLookupAll(hostname, { all: true })).map((a) => a.address);

/** The replicas' base URLs: listed, or the service URL with each address its host resolves to. */
export async function replicaBases(plan: ServicePlan, lookup: Lookup, timeoutMs: number): Promise<{ urls: readonly string[] } | { verdict: Verdict }> {
  const source = plan.replicas?.source;
  if (!source) return { urls: [] };
  if (source.kind === 'urls') return { urls: source.urls };
  const base = new URL(plan.baseUrl!);
  try {
    const addresses = await lookup(base.hostname.replace(/^\[(.*)\]$/, '$1'));
    return {
      urls: addresses.map((ip) => {
        const url = new URL(base);
        url.hostname = isIPv6(ip) ? `[${ip}]` : ip;
        return url.href.replace(/\/+$/, '');
      }),
    };
  } catch (err) {
    const failure = classifyTransportError(err, { url: plan.baseUrl!, timeoutMs });
    return { verdict: fail({ ...failure, message: `cannot discover the replicas of ${plan.id} (replicas.discover: dns): ${failure.message}` }) };
  }
}

const good = (v: Verdict) => v.outcome === 'pass' || v.outcome === 'warn';

/**
 * `check` at every replica, concurrently, tallied: "2 of 3 replicas healthy". One bad replica fails
 * the check, named by its URL; fewer replicas than the catalog expects is a warning.
 */
export async function acrossReplicas(urls: readonly string[], expected: number, check: (base: string) => Promise<Verdict>): Promise<Verdict> {
  const verdicts = await Promise.all(urls.map((u) => check(u)));
  const healthy = verdicts.filter(good).length;
  const tally: ReplicaTally = { healthy, answered: verdicts.filter((v) => !v.failure || !UNREACHABLE_KINDS.has(v.failure.kind)).length, total: urls.length };
  const summary = `${healthy} of ${urls.length} replicas healthy${urls.length < expected ? ` (the catalog expects ${expected})` : ''}`;
  const each = urls.map((url, i) => ({ url, outcome: verdicts[i]!.outcome, ...(verdicts[i]!.failure ? { failure: verdicts[i]!.failure!.message } : {}) }));
  const replicas = { ...tally, each };
  const bad = urls.flatMap((url, i) => (good(verdicts[i]!) ? [] : [{ url, verdict: verdicts[i]! }]));
  if (bad.length > 0) {
    const [first, ...rest] = bad;
    const failure = first!.verdict.failure ?? { kind: 'internal' as const, message: `${first!.verdict.outcome}` };
    const also = rest.length > 0 ? `; also ${rest.map((b) => `${b.url} (${b.verdict.failure?.kind ?? b.verdict.outcome})`).join(', ')}` : '';
    const outcome = bad.some((b) => b.verdict.outcome === 'fail') ? 'fail' : first!.verdict.outcome;
    return { outcome, failure: { ...failure, message: `${summary}; replica ${first!.url}: ${failure.message}${also}` }, detail: { ...first!.verdict.detail, replicas, summary } };
  }
  const warned = urls.findIndex((_, i) => verdicts[i]!.outcome === 'warn');
  const detail = { replicas, summary, latencyMs: Math.max(0, ...verdicts.map((v) => Number(v.detail['latencyMs'] ?? 0))) };
  if (warned >= 0) return { ...verdicts[warned]!, detail: { ...detail, reason: `${summary}; replica ${urls[warned]}: ${String(verdicts[warned]!.detail['reason'] ?? 'warning')}` } };
  if (urls.length < expected) return { outcome: 'warn', detail: { ...detail, reason: summary } };
  return { outcome: 'pass', detail };
}

/**
 * `check` at the service URL, or at every replica when the service has them. A service the catalog
 * runs replicated whose environment lists none is checked at its URL, with a warning saying so.
 */
export async function atEveryReplica(plan: ServicePlan, env: string, lookup: Lookup, timeoutMs: number, check: (base: string) => Promise<Verdict>): Promise<Verdict> {
  const bases = plan.replicas ? await replicaBases(plan, lookup, timeoutMs) : { urls: [] };
  if ('verdict' in bases) return bases.verdict;
  if (bases.urls.length > 0) return acrossReplicas(bases.urls, plan.replicas!.expected, check);
  const verdict = await check(plan.baseUrl!);
  if (!plan.replicas || !good(verdict)) return verdict;
  const reason = `the catalog runs ${plan.replicas.expected} replicas of ${plan.id} but environment "${env}" lists none (set ${replicaEnvVar(plan.id)}, replicas.urls.${env} or replicas.discover: dns); only the service URL was checked`;
  return { outcome: 'warn', detail: { ...verdict.detail, reason } };
}
