import { describe, expect, it } from 'vitest';
import { withRetries } from './attempts.ts';
import { fail, pass, skip, type Verdict } from './verdict.ts';

const refused = fail({ kind: 'connection-refused', message: 'connection refused by 127.0.0.1:1 (ECONNREFUSED)', url: 'http://127.0.0.1:1/health' });

function script(...verdicts: Verdict[]): { next: () => Promise<Verdict>; calls: () => number } {
  let n = 0;
  return { next: async () => verdicts[Math.min(n++, verdicts.length - 1)]!, calls: () => n };
}

const noSleep = { sleep: async () => {} };

describe('retries', () => {
  it('tries once and returns the verdict untouched when retries is 0', async () => {
    const s = script(refused, pass());
    expect(await withRetries({ retries: 0, ...noSleep }, s.next)).toBe(refused);
    expect(s.calls()).toBe(1);
  });

  it('turns a pass after a failure into a warning that names the earlier failure and records every attempt', async () => {
    const verdict = await withRetries({ retries: 2, ...noSleep }, script(refused, pass({ url: 'u', status: 200 })).next);
    expect(verdict.outcome).toBe('warn');
    expect(verdict.failure).toMatchObject({ kind: 'connection-refused', message: 'passed only on attempt 2 of 3; attempt 1: connection refused by 127.0.0.1:1 (ECONNREFUSED)' });
    expect(verdict.detail['attempts']).toEqual([
      { attempt: 1, outcome: 'fail', kind: 'connection-refused', message: 'connection refused by 127.0.0.1:1 (ECONNREFUSED)' },
      { attempt: 2, outcome: 'pass' },
    ]);
  });

  it('fails with the last failure and the attempt count when every attempt fails', async () => {
    const s = script(refused);
    const verdict = await withRetries({ retries: 2, ...noSleep }, s.next);
    expect(s.calls()).toBe(3);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.failure?.message).toBe('connection refused by 127.0.0.1:1 (ECONNREFUSED) (failed all 3 attempts)');
    expect(verdict.detail['attempts']).toHaveLength(3);
  });

  it('does not retry a skip or an interrupted attempt', async () => {
    const s = script(skip('no URL'));
    expect((await withRetries({ retries: 3, ...noSleep }, s.next)).outcome).toBe('skip');
    const i = script(fail({ kind: 'interrupted', message: 'interrupted' }));
    await withRetries({ retries: 3, ...noSleep }, i.next);
    expect(s.calls() + i.calls()).toBe(2);
  });

  it('backs off between attempts', async () => {
    const waits: number[] = [];
    await withRetries({ retries: 3, sleep: async (ms) => void waits.push(ms) }, script(refused).next);
    expect(waits).toEqual([100, 200, 400]);
  });
});
