import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../../core/result.ts';
import type { RunningStack } from '../../stack/launcher.ts';
import { runLoad } from './run-load.ts';
import { loadContext, startLoadStack, type TestContext } from './testing/fixture.ts';

/**
 * The real k6 against the reference stack: short, bounded runs (a few seconds at tens to a few
 * hundred req/s), faults switched on at run time and reset after each test.
 */
let stack: RunningStack;
let t: TestContext;

beforeAll(async () => {
  stack = await startLoadStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

afterEach(async () => {
  await stack.setFaults('sample-service', { latencyMs: 0, errorRate: 0, creepMsPerMin: 0 });
  await stack.admin('api-gateway', 'reset');
  await t?.cleanup();
});

const failing = (r: SuiteResult) => r.checks.filter((c) => c.outcome === 'fail');

describe('load run with the real k6', () => {
  it('passes a healthy stack at a modest rate', async () => {
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 20, duration: '5s', ramp: '1s', vus: 20 });
    expect(failing(result)).toEqual([]);
    expect(result.outcome).toBe('pass');
    const data = result.data!;
    expect(data.overall.requests).toBeGreaterThan(80);
    expect(data.series.length).toBeGreaterThanOrEqual(5);
    expect(data.droppedIterations).toBe(0);
  }, 120_000);

  it('fails the p95 threshold naming sample-service when it answers 600 ms late', async () => {
    await stack.setFaults('sample-service', { latencyMs: 600 });
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 20, duration: '5s', ramp: '1s', vus: 60 });
    expect(result.outcome).toBe('fail');
    const p95 = failing(result).find((c) => c.id === 'load/threshold/http_req_duration{service:sample-service}/p(95)<500');
    expect(p95?.service).toBe('sample-service');
    expect(p95?.failure?.message).toMatch(/^sample-service: \d+\.\d ms breaches p95 < 500 ms/);
    expect(p95?.detail?.['k6Ok']).toBe(false);
    expect(failing(result).some((c) => c.service === 'storage-service')).toBe(false);
  }, 120_000);

  it('fails the error-rate threshold when 2% of sample-service requests fail', async () => {
    await stack.setFaults('sample-service', { errorRate: 0.02 });
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 250, duration: '10s', ramp: '1s', vus: 100, thinkScale: 0 });
    const errors = failing(result).find((c) => c.id === 'load/threshold/http_req_failed{service:sample-service}/rate<0.01');
    expect(errors?.failure?.message).toMatch(/^sample-service: \d\.\d\d% breaches error rate < 1%/);
    const observed = errors?.detail?.['observed'] as number;
    expect(observed).toBeGreaterThan(0.01);
    expect(observed).toBeLessThan(0.04);
    expect(result.outcome).toBe('fail');
  }, 120_000);

  it('merges two k6 instances by their raw samples', async () => {
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 40, duration: '5s', ramp: '1s', vus: 40, instances: 2 });
    const data = result.data!;
    expect(data.k6.exitCodes).toEqual([0, 0]);
    expect(data.artifacts.rawResults).toHaveLength(2);
    const { readSummaryExport, summaryStat } = await import('./summary-export.ts');
    const counts = await Promise.all(data.artifacts.k6Summaries.map(async (f) => summaryStat((await readSummaryExport(f))!, 'http_req_duration', 'count')!));
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(data.overall.requests).toBe(counts[0]! + counts[1]!);
    expect(result.outcome).toBe('pass');
  }, 120_000);

  it('fails a soak whose latency creeps up although it stays within the SLO thresholds', async () => {
    // +10 ms a second on sample-service: about 50 ms early in the hold, 200 ms late; p95 < 500 ms overall.
    // (A steady soak passing its drift check is in every-scenario.int.test.ts.)
    await stack.setFaults('sample-service', { creepMsPerMin: 600 });
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'soak', rate: 100, duration: '18s', ramp: '1s', vus: 100 });
    expect(failing(result).map((c) => c.id)).toEqual(['load/soak/drift']);
    expect(failing(result)[0]?.failure?.message).toMatch(/^the system degraded during the soak: p95 drifted from \d+ ms to \d+ ms/);
    expect(result.outcome).toBe('fail');
  }, 120_000);
});
