import { describe, expect, it } from 'vitest';
import { fail, pass, type Verdict } from './verdict.ts';
import { waitUntilHealthy } from './wait.ts';

function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return { now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)), sleeps };
}

const refused = fail({ kind: 'connection-refused', message: 'connection refused by 127.0.0.1:8087 (ECONNREFUSED)', url: 'http://127.0.0.1:8087/health' });

describe('wait mode', () => {
  it('polls with growing pauses until the service answers healthy', async () => {
    const clock = fakeClock();
    let calls = 0;
    const verdict = await waitUntilHealthy(async () => (++calls < 4 ? refused : pass({ status: 200 })), { waitMs: 120_000, ...clock });
    expect(verdict.outcome).toBe('pass');
    expect(clock.sleeps).toEqual([100, 160, 256]);
    expect(verdict.detail).toMatchObject({ polls: 4, waitedMs: 516 });
  });

  it('names the last reason and the deadline when the service never comes up', async () => {
    const clock = fakeClock();
    const verdict = await waitUntilHealthy(async () => refused, { waitMs: 5_000, ...clock });
    expect(verdict.outcome).toBe('fail');
    expect(verdict.failure?.kind).toBe('connection-refused');
    expect(verdict.failure?.message).toMatch(/^never became healthy within 5s \(\d+ polls\); last: connection refused by 127\.0\.0\.1:8087 \(ECONNREFUSED\)$/);
    expect(clock.now()).toBe(5_000);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(2_000);
  });

  it('gives each poll only the time left before the deadline', async () => {
    const clock = fakeClock();
    const budgets: number[] = [];
    await waitUntilHealthy(async (left): Promise<Verdict> => (budgets.push(left), refused), { waitMs: 1000, ...clock });
    expect(budgets).toEqual([1000, 900, 740, 484, 250, 250]);
  });

  it('wakes from its pause at once when interrupted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const start = performance.now();
    const verdict = await waitUntilHealthy(async () => refused, { waitMs: 60_000, initialDelayMs: 10_000, signal: controller.signal });
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(verdict.detail['polls']).toBe(2);
  });

  it('stops polling when interrupted', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    controller.abort();
    const verdict = await waitUntilHealthy(async () => refused, { waitMs: 60_000, signal: controller.signal, ...clock });
    expect(verdict.detail['polls']).toBe(1);
  });
});
