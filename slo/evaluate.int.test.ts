import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTargets, startPrometheus, waitForScrape, type RunningPrometheus } from '../infra/prometheus.ts';
import { startStack, type RunningStack } from '../stack/launcher.ts';
import type { SloTableRow } from './data.ts';
import { runCli } from './testing/cli-run.ts';
import { sendLoad } from './testing/load-driver.ts';
import { measuredWindow } from './testing/measured-window.ts';
import { loadEveryService } from './testing/stack-load.ts';

/**
 * `slo evaluate` against a real Prometheus (Debian's, 1 s scrapes) scraping the reference stack,
 * driven by loads of known composition. Faults are switched at run time on one stack; each case
 * evaluates only its own window (see measuredWindow for why the counts come out exact).
 */
let stack: RunningStack | undefined;
let prom: RunningPrometheus | undefined;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slo-int-'));
  stack = await startStack({ portBase: 0 });
  prom = await startPrometheus({ scrapeTargets: stack.urls, scrapeInterval: '1s' });
  await waitForScrape(prom.url, { requireUp: true, timeoutMs: 30_000 });
}, 180_000);

afterAll(async () => {
  await prom?.stop();
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ ...stack!.env, TRACSEQ_REPORTS_DIR: join(dir, 'reports'), TRACSEQ_SLO_HISTORY_DIR: join(dir, 'history') });
const evaluate = (w: { at: Date; windowMs: number }, ...extra: string[]) =>
  runCli(['slo', 'evaluate', '--prometheus', prom!.url, '--window', `${w.windowMs}ms`, '--at', w.at.toISOString(), '--no-store', ...extra], env());
const rows = (run: Awaited<ReturnType<typeof evaluate>>): SloTableRow[] => {
  const slo = run.report?.suites[0];
  return slo?.suite === 'slo' ? (slo.data?.slos ?? []) : [];
};
const row = (run: Awaited<ReturnType<typeof evaluate>>, id: string) => rows(run).find((r) => r.id === id);

describe('slo evaluate against the reference stack', () => {
  it('passes a healthy stack: every catalog SLO of every service met, exit 0', async () => {
    const load = () => loadEveryService(stack!.urls, 20);
    const w = await measuredWindow(prom!.url, Object.keys(stack!.urls), load, load);
    const run = await evaluate(w);
    const notPassed = rows(run).filter((r) => r.sloOutcome !== 'pass').map((r) => `${r.id}: ${r.reason}`);
    expect(notPassed).toEqual([]);
    expect(rows(run).length).toBe(62);
    expect(run.code).toBe(0);
    expect(run.report?.verdict).toBe('pass');
  });

  it('fails availability and error rate on 2% errors, measuring availability within 0.1 pp of what was sent', async () => {
    await stack!.setFaults('sample-service', { errorRate: 0.02 });
    try {
      const url = `${stack!.urls['sample-service']}/api/v1/samples`;
      const warmup = async () => {
        for (let i = 0; i < 20 && (await sendLoad({ url, count: 200, deadlineMs: 10_000 })).failed === 0; i += 1);
      };
      const w = await measuredWindow(prom!.url, ['sample-service'], () => sendLoad({ url, count: 3000, concurrency: 8, deadlineMs: 30_000 }), warmup);
      expect(w.result.errors).toBe(0);
      const sentAvailability = 1 - w.result.failed / w.result.sent;
      const run = await evaluate(w, '--services', 'sample-service');
      expect(run.code).toBe(1);
      expect(row(run, 'sample-service:availability')?.sloOutcome).toBe('fail');
      expect(row(run, 'sample-service:error-rate')?.sloOutcome).toBe('fail');
      expect(row(run, 'sample-service:latency-p95')?.sloOutcome).toBe('pass');
      const measured = row(run, 'sample-service:availability')!.rawValue!;
      expect(Math.abs(measured - sentAvailability) * 100).toBeLessThan(0.1);
      expect(row(run, 'sample-service:error-rate')!.rawValue!).toBeCloseTo(w.result.failed / w.result.sent, 4);
      expect(run.stdout).toMatch(/key SLO failed: sample-service:availability, sample-service:error-rate/);
    } finally {
      await stack!.setFaults('sample-service', { errorRate: 0 });
    }
  });

  it('fails p95 latency when sample answers 600 ms slower', async () => {
    await stack!.setFaults('sample-service', { latencyMs: 600 });
    try {
      const url = `${stack!.urls['sample-service']}/api/v1/samples`;
      const w = await measuredWindow(prom!.url, ['sample-service'], () => sendLoad({ url, count: 60, concurrency: 20, deadlineMs: 20_000 }), () => sendLoad({ url, count: 20, concurrency: 20 }));
      const run = await evaluate(w, '--services', 'sample-service');
      expect(run.code).toBe(1);
      const p95 = row(run, 'sample-service:latency-p95')!;
      expect(p95.sloOutcome).toBe('fail');
      expect(p95.rawValue!).toBeGreaterThan(0.6);
      expect(row(run, 'sample-service:availability')?.sloOutcome).toBe('pass');
    } finally {
      await stack!.setFaults('sample-service', { latencyMs: 0 });
    }
  });

  it('gives no data, exit 3, for a service whose /metrics disappeared, although it still serves', async () => {
    await stack!.setFaults('template-service', { metricsMissing: true });
    try {
      const since = new Date();
      await waitForScrape(prom!.url, { jobs: ['template-service'], since, timeoutMs: 15_000 });
      expect((await readTargets(prom!.url)).find((t) => t.job === 'template-service')?.health).toBe('down');
      const url = `${stack!.urls['template-service']}/api/v1/templates`;
      const w = await measuredWindow(prom!.url, ['template-service'], () => sendLoad({ url, count: 50 }));
      expect(w.result.byStatus[200]).toBe(50);
      const run = await evaluate(w, '--services', 'template-service');
      expect(run.code).toBe(3);
      expect(rows(run).map((r) => r.sloOutcome)).toEqual(['no-data', 'no-data', 'no-data', 'no-data']);
      expect(run.report?.verdict).toBe('inconclusive');
      expect(run.stdout).toMatch(/no data for any of the 4 SLOs/);
    } finally {
      await stack!.setFaults('template-service', { metricsMissing: false });
    }
  });
});
