import { describe, expect, it } from 'vitest';
import type { ServicePlan } from './plan.ts';
import { acrossReplicas, atEveryReplica } from './replicas.ts';
import { fail, pass, type Verdict } from './verdict.ts';

const urls = ['http://10.0.0.1:8081', 'http://10.0.0.2:8081', 'http://10.0.0.3:8081'];
const byUrl = (verdicts: Record<string, Verdict>) => async (base: string) => verdicts[base] ?? pass({ latencyMs: 5 });
const plan = (replicas: ServicePlan['replicas']): ServicePlan => ({ id: 'sample-service', kind: 'http', baseUrl: 'http://sample.internal:8081', urlSource: 'urlTemplate', endpoints: [], dependents: [], ...(replicas ? { replicas } : {}) });

describe('checking every replica', () => {
  it('passes when every replica passes, saying how many', async () => {
    expect(await acrossReplicas(urls, 3, byUrl({}))).toMatchObject({ outcome: 'pass', detail: { summary: '3 of 3 replicas healthy', replicas: { healthy: 3, answered: 3, total: 3 }, latencyMs: 5 } });
  });

  it('fails on one bad replica and names it and every other bad one', async () => {
    const verdict = await acrossReplicas(urls, 3, byUrl({
      [urls[1]!]: fail({ kind: 'http-status', url: `${urls[1]}/health`, message: 'HTTP 503, expected 200' }),
      [urls[2]!]: fail({ kind: 'timeout', url: `${urls[2]}/health`, message: 'no complete response within 5000 ms' }),
    }));
    expect(verdict.outcome).toBe('fail');
    expect(verdict.failure).toMatchObject({ kind: 'http-status', url: `${urls[1]}/health` });
    expect(verdict.failure?.message).toBe(`1 of 3 replicas healthy; replica ${urls[1]}: HTTP 503, expected 200; also ${urls[2]} (timeout)`);
    expect(verdict.detail['replicas']).toMatchObject({ healthy: 1, answered: 2, total: 3 });
  });

  it('warns, naming the replica, when one only warns; and when fewer replicas answer than the catalog runs', async () => {
    const degraded = await acrossReplicas(urls, 3, byUrl({ [urls[0]!]: { outcome: 'warn', detail: { reason: 'reports status "degraded"' } } }));
    expect(degraded).toMatchObject({ outcome: 'warn', detail: { reason: `3 of 3 replicas healthy; replica ${urls[0]}: reports status "degraded"` } });
    expect(await acrossReplicas(urls.slice(0, 2), 3, byUrl({}))).toMatchObject({ outcome: 'warn', detail: { reason: '2 of 2 replicas healthy (the catalog expects 3)' } });
  });

  it('discovers replicas by DNS, and fails naming the discovery when the lookup fails', async () => {
    const seen: string[] = [];
    const dns = plan({ source: { kind: 'dns' }, expected: 2 });
    const found = await atEveryReplica(dns, 'staging', async () => ['10.1.0.1', 'fd00::2'], 1000, async (base) => (seen.push(base), pass()));
    expect(seen).toEqual(['http://10.1.0.1:8081', 'http://[fd00::2]:8081']);
    expect(found.outcome).toBe('pass');
    const lost = await atEveryReplica(dns, 'staging', async () => { throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }); }, 1000, async () => pass());
    expect(lost.failure).toMatchObject({ kind: 'dns', message: 'cannot discover the replicas of sample-service (replicas.discover: dns): DNS lookup failed for sample.internal (ENOTFOUND)' });
  });

  it('checks the service URL alone, with a warning, when the catalog runs replicas the environment does not list', async () => {
    const verdict = await atEveryReplica(plan({ source: undefined, expected: 3 }), 'staging', async () => [], 1000, async () => pass({ url: 'http://sample.internal:8081/health' }));
    expect(verdict).toMatchObject({ outcome: 'warn', detail: { reason: 'the catalog runs 3 replicas of sample-service but environment "staging" lists none (set SAMPLE_SERVICE_REPLICA_URLS, replicas.urls.staging or replicas.discover: dns); only the service URL was checked' } });
    expect((await atEveryReplica(plan(undefined), 'staging', async () => [], 1000, async () => pass())).outcome).toBe('pass');
  });
});
