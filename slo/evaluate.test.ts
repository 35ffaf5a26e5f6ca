import { describe, expect, it } from 'vitest';
import { evaluateSlos } from './evaluate.ts';
import type { PromClient } from './prom/client.ts';
import type { QueryResult } from './prom/result.ts';
import { ratioSlo, thresholdSlo, value } from './test-helpers.ts';

/** A PromClient answering from a function, counting calls and in-flight queries. */
function fakeClient(answer: (expr: string) => QueryResult): PromClient & { calls: string[]; maxInFlight: number } {
  let inFlight = 0;
  const client = {
    url: 'http://fake',
    calls: [] as string[],
    maxInFlight: 0,
    async query(expr: string) {
      client.calls.push(expr);
      inFlight += 1;
      client.maxInFlight = Math.max(client.maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
      return answer(expr);
    },
    close: async () => {},
  };
  return client;
}

const at = new Date('2026-01-01T00:00:00Z');
const slos = [ratioSlo(), ratioSlo({ id: 'svc:error-rate', name: 'error-rate', display: 'bad-ratio', objective: 0.99 }), thresholdSlo()];

describe('evaluateSlos', () => {
  it('asks each distinct query once, with bounded concurrency, at the given time', async () => {
    const client = fakeClient((e) => (e === 'vector(1)' ? value(1) : e.startsWith('p95') ? value(0.1) : e.includes('bad[') ? value(0) : value(100)));
    const run = await evaluateSlos(client, slos, { windowMs: 3_600_000, at, concurrency: 3 });
    expect(new Set(client.calls).size).toBe(client.calls.length);
    expect(client.maxInFlight).toBeLessThanOrEqual(3);
    expect(run.queries).toBe(client.calls.length);
    expect(run.evaluations.map((e) => e.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  it('makes every SLO no data, naming the cause, when Prometheus cannot be reached, without sending the other queries', async () => {
    const down: QueryResult = { ok: false, kind: 'unreachable', message: 'cannot reach Prometheus at http://fake/api/v1/query (ECONNREFUSED)', warnings: [] };
    const client = fakeClient(() => down);
    const run = await evaluateSlos(client, slos, { windowMs: 60_000, at });
    expect(client.calls).toEqual(['vector(1)']);
    expect(run.unreachable).toMatch(/^Prometheus unreachable: cannot reach .*ECONNREFUSED/);
    expect(run.evaluations[0]?.reason).toBe('query failed: not evaluated (prometheus unreachable; see the suite reason)');
    expect(run.evaluations.every((e) => e.outcome === 'no-data' && e.failureKind === 'connection-refused')).toBe(true);
  });

  it('stops sending queries once Prometheus becomes unreachable mid-run, and passes nothing', async () => {
    let n = 0;
    const client = fakeClient(() => (n++ < 3 ? value(1) : { ok: false, kind: 'unreachable', message: 'connection reset', warnings: [] }));
    const run = await evaluateSlos(client, slos, { windowMs: 60_000, at, concurrency: 1 });
    expect(client.calls).toHaveLength(4);
    expect(run.evaluations.some((e) => e.outcome === 'pass')).toBe(false);
    // The two ratio SLOs share their SLI queries, answered before the failure (1 bad of 1: fail).
    expect(run.evaluations.map((e) => e.outcome)).toEqual(['fail', 'fail', 'no-data']);
    expect(run.evaluations[0]!.notes).toContain('error budget over 30d: not queried: Prometheus became unreachable or the run was interrupted');
    expect(run.evaluations[2]!.reason).toBe('query failed: not queried: Prometheus became unreachable or the run was interrupted');
  });

  it('says an interrupted run was interrupted, never that Prometheus was unreachable', async () => {
    const stopped: QueryResult = { ok: false, kind: 'interrupted', message: 'query to http://fake/api/v1/query stopped: the run was interrupted', warnings: [] };
    const run = await evaluateSlos(fakeClient(() => stopped), slos, { windowMs: 60_000, at });
    expect(run.unreachable).toBe('SLOs not evaluated: query to http://fake/api/v1/query stopped: the run was interrupted');
    expect(run.evaluations.every((e) => e.outcome === 'no-data' && e.failureKind === 'interrupted' && e.reason === 'query failed: not evaluated (the run was interrupted)')).toBe(true);
  });
});
