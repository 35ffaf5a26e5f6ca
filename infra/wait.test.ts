import { describe, expect, it } from 'vitest';
import { UnreachableError } from '../core/errors.ts';
import { waitReady, waitUntil, type Clock, type Poll } from './wait.ts';

/** A clock that only moves when the waiter sleeps (or a probe takes time). */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => { slept.push(ms); t += ms; } };
}

const notYet = <T = never>(reason: string): Poll<T> => ({ done: false, reason });

describe('waiting until a probe succeeds', () => {
  it('returns the value of the first successful poll with the polls it took', async () => {
    const clock = fakeClock();
    let n = 0;
    const result = await waitUntil<string>(async () => (++n < 3 ? notYet<string>('starting') : { done: true, value: 'ready' }), { timeoutMs: 5_000, clock });
    expect(result).toEqual({ ok: true, value: 'ready', polls: 3, waitedMs: 130 });
    expect(clock.slept).toEqual([50, 80]);
  });

  it('backs off by 1.6x up to the maximum pause and never sleeps past the deadline', async () => {
    const clock = fakeClock();
    const result = await waitUntil(async () => notYet('refused'), { timeoutMs: 1_000, intervalMs: 100, maxIntervalMs: 300, clock });
    expect(result).toMatchObject({ ok: false, reason: 'refused', why: 'deadline', waitedMs: 1_000 });
    expect(clock.slept).toEqual([100, 160, 256, 300, 184]);
  });

  it('gives each poll the time left before the deadline', async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    await waitUntil(async (left) => { seen.push(left); return notYet('x'); }, { timeoutMs: 200, intervalMs: 100, clock });
    expect(seen).toEqual([200, 100, 1]);
  });

  it('counts a probe that throws as not ready, with its message as the reason', async () => {
    const result = await waitUntil(async () => { throw new Error('ECONNREFUSED'); }, { timeoutMs: 100, clock: fakeClock() });
    expect(result).toMatchObject({ ok: false, reason: 'ECONNREFUSED' });
  });

  it('stops at once when the run is interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await waitUntil(async () => notYet('x'), { timeoutMs: 10_000, clock: fakeClock(), signal: controller.signal });
    expect(result).toMatchObject({ ok: false, why: 'aborted', polls: 1 });
  });

  it('throws an unreachable error naming what never became ready and why', async () => {
    const wait = waitReady('prometheus at http://127.0.0.1:9', async () => notYet('connect ECONNREFUSED'), { timeoutMs: 300, clock: fakeClock() });
    await expect(wait).rejects.toThrow(UnreachableError);
    await expect(wait).rejects.toThrow('prometheus at http://127.0.0.1:9: not ready within 300 ms (connect ECONNREFUSED)');
  });
});
