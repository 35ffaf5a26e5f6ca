import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../stack/launcher.ts';
import { runLoad } from './run-load.ts';
import { loadContext, startLoadStack, type TestContext } from './testing/fixture.ts';

/** A gateway with a deliberately low rate limit (60 requests per minute): the run must say it measured the limiter. */
let stack: RunningStack;
let t: TestContext | undefined;

beforeAll(async () => {
  stack = await startLoadStack({ rateLimit: { requests: 60, windowMs: 60_000 } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await t?.cleanup();
});

describe('a load run against a low gateway rate limit', () => {
  it('counts the 429s apart and is inconclusive: it mostly measured the rate limiter', async () => {
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 40, duration: '4s', ramp: '1s', vus: 20 });
    const data = result.data!;
    expect(data.overall.rateLimited).toBeGreaterThan(data.overall.requests / 2);
    expect(data.overall.errors).toBe(0);
    const check = result.checks.find((c) => c.id === 'load/rate-limit');
    expect(check?.outcome).toBe('inconclusive');
    expect(check?.failure?.message).toMatch(/^mostly measured the rate limiter: \d+\.\d% of [\d,]+ responses were 429/);
    expect(result.outcome).toBe('inconclusive');
  }, 120_000);
});
