import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../stack/launcher.ts';
import { baselineFromSummary, readBaseline, writeBaseline } from './baseline/baseline-file.ts';
import { runLoad } from './run-load.ts';
import { loadContext, startLoadStack, type TestContext } from './testing/fixture.ts';

/** Save a run as the baseline, then catch a 250 ms regression of sample-service against it. */
let stack: RunningStack;
const contexts: TestContext[] = [];
let dir: string;

beforeAll(async () => {
  stack = await startLoadStack();
  dir = await mkdtemp(join(tmpdir(), 'load-baseline-'));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(contexts.map((c) => c.cleanup()));
  await rm(dir, { recursive: true, force: true });
});

const settings = { scenario: 'load', rate: 40, duration: '8s', ramp: '1s', vus: 60, baselineMinRequests: 30 } as const;

describe('baseline regression', () => {
  it('fails the run, naming the endpoint and the limit, when sample-service gets 250 ms slower than the baseline', async () => {
    const first = await loadContext(stack);
    contexts.push(first);
    const before = await runLoad(first.ctx, settings);
    expect(before.checks.find((c) => c.id === 'load/k6')?.outcome).toBe('pass');
    const file = join(dir, 'baseline.json');
    await writeBaseline(file, baselineFromSummary(before.data!, first.ctx.runId, new Date()));
    expect((await readBaseline(file)).endpoints.length).toBeGreaterThan(5);

    await stack.setFaults('sample-service', { latencyMs: 250 });
    const second = await loadContext(stack);
    contexts.push(second);
    const slower = await runLoad(second.ctx, { ...settings, baseline: file });
    await stack.setFaults('sample-service', { latencyMs: 0 });
    const regressions = slower.checks.filter((c) => c.failure?.kind === 'regression');
    expect(regressions.map((c) => c.id)).toContain('load/baseline/sample-service/list-samples/p95');
    const listP95 = regressions.find((c) => c.id === 'load/baseline/sample-service/list-samples/p95');
    expect(listP95?.failure?.message).toMatch(/^regression: sample-service list-samples p95 \d+\.\d ms vs baseline \d+\.\d ms \(limit <=\+10% = \d+\.\d ms\)$/);
    expect((listP95?.detail?.['current'] as number) - (listP95?.detail?.['baseline'] as number)).toBeGreaterThan(150);
    expect(slower.outcome).toBe('fail');
  }, 180_000);
});
