import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStack } from '../../stack/launcher.ts';
import { baselineFromSummary, readBaseline, writeBaseline } from './baseline/baseline-file.ts';
import { readLoadSummary, summaryPathFor } from './cli/baseline-command.ts';
import { runLoad } from './run-load.ts';
import { loadContext, startLoadStack, type TestContext } from './testing/fixture.ts';

/** Save a healthy run as the baseline, then catch a 250 ms regression that stays inside the SLO. */
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

const settings = { scenario: 'load', rate: 60, duration: '6s', ramp: '1s', vus: 60, baselineMinRequests: 30 } as const;

describe('baseline regression', () => {
  it('passes the thresholds yet fails the baseline when sample-service gets 250 ms slower', async () => {
    const first = await loadContext(stack);
    contexts.push(first);
    const healthy = await runLoad(first.ctx, settings);
    expect(healthy.outcome).toBe('pass');
    const file = join(dir, 'baseline.json');
    const summary = await readLoadSummary(await summaryPathFor(first.ctx.reportDir));
    await writeBaseline(file, baselineFromSummary(summary, first.ctx.runId, new Date()));
    expect((await readBaseline(file)).endpoints.length).toBeGreaterThan(5);

    await stack.setFaults('sample-service', { latencyMs: 250 });
    const second = await loadContext(stack);
    contexts.push(second);
    const slower = await runLoad(second.ctx, { ...settings, baseline: file });
    await stack.setFaults('sample-service', { latencyMs: 0 });
    const regressions = slower.checks.filter((c) => c.failure?.kind === 'regression');
    expect(regressions.some((c) => c.id === 'load/baseline/sample-service/list-samples/p95')).toBe(true);
    expect(regressions.every((c) => c.service === 'sample-service' || c.id.endsWith('/throughput'))).toBe(true);
    expect(regressions[0]?.failure?.message).toMatch(/^regression: sample-service [a-z-]+ p95 \d+\.\d ms vs baseline \d+\.\d ms \(limit <=\+10% = /);
    expect(slower.checks.filter((c) => c.id.startsWith('load/threshold/') && c.outcome === 'fail')).toEqual([]);
    expect(slower.outcome).toBe('fail');
  }, 180_000);
});
