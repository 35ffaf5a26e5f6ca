import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunReport } from '../core/result.ts';
import { checkHtmlReport } from '../reports/html/browser-check.ts';
import { leftovers } from '../test/helpers/run-leftovers.ts';
import { spawnGate, type GateProcess } from './spawn-gate.ts';
import { startPushgateway, type RunningPushgateway } from './start-pushgateway.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tracseq-gate-int-'));
const reports = join(tmp, 'reports');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  TRACSEQ_REPORTS_DIR: reports,
  TRACSEQ_PACTS_DIR: join(tmp, 'pacts'),
  TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo-history'),
};
const LOCAL = ['--env', 'local', '--target', 'local'];
// The profile's own rate with a 2 s ramp instead of its 30 s one: the fault shows from the first seconds.
const shortRamp = join(tmp, 'short-ramp.json');
writeFileSync(shortRamp, JSON.stringify({ ramp: '2s' }));

const running = new Set<GateProcess>();
function gate(args: readonly string[]): GateProcess {
  const g = spawnGate(args, env);
  running.add(g);
  void g.done.then(() => running.delete(g));
  return g;
}

const latestReport = () => RunReport.parse(JSON.parse(readFileSync(join(reports, 'latest', 'report.json'), 'utf8')));

describe('tracseq-validate gate --target local', () => {
  let pushgateway: RunningPushgateway;
  beforeAll(async () => { pushgateway = await startPushgateway(); });
  afterAll(async () => {
    // A failed test may leave its gate running: stop it the way a user would, and wait for it.
    for (const g of running) g.kill('SIGTERM');
    await Promise.all([...running].map((g) => g.done));
    await pushgateway?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the pr profile passes on a healthy stack with real PostgreSQL and Redis checked, stops everything it started, and pushes its metrics', async () => {
    const run = gate([...LOCAL, '--profile', 'pr', '--push-metrics', pushgateway.url]);
    const { code, stdout, stderr } = await run.done;
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const report = latestReport();
    // A slow first response on a busy machine is a warning (passes the gate), never a failure.
    expect(report.suites.map((s) => `${s.suite}:${s.outcome.replace('warn', 'pass')}`)).toEqual(['smoke:pass', 'contracts:pass', 'load:skip', 'slo:skip']);
    expect(['pass', 'warn']).toContain(report.verdict);
    expect(report.suites[2]?.reason).toBe('not part of the pr profile');
    expect(stderr).toMatch(/^gate \[ *[\d.]+s\] smoke +start$/m);
    expect(stderr).toMatch(/^gate \[ *[\d.]+s\] contracts +PASS in [\d.]+s$/m);
    expect(stdout).toMatch(/^verdict: (PASS|WARN) {2}exit 0 {2}env local/m);
    // The main job checks the infrastructure: the target's own PostgreSQL (the catalog's database) and Redis.
    const smoke = report.suites[0]!;
    const check = (id: string) => smoke.checks.find((c) => c.id === id);
    expect(check('postgres.postgres:select-1')).toMatchObject({ outcome: 'pass', detail: { query: 'SELECT 1', url: expect.stringMatching(/^postgresql:\/\/\*\*\*@127\.0\.0\.1:\d+\/tracseq_prod$/) } });
    expect(check('redis.redis:ping')).toMatchObject({ outcome: 'pass', detail: { command: 'PING' } });
    expect(smoke.checks.filter((c) => c.outcome === 'skip').map((c) => `${c.id}: ${String(c.detail?.['reason'])}`)).toEqual([expect.stringMatching(/^chroma\.health: no URL for chroma in environment "local"/)]);
    // ... and the services report their real database and Redis in /health/detailed.
    expect(check('sample-service.health-detailed')?.detail?.['dependencies']).toMatchObject({ database: 'healthy' });
    expect(check('auth-service.health-detailed')?.detail?.['dependencies']).toMatchObject({ database: 'healthy', redis: 'healthy' });
    expect(stderr).toMatch(/^gate \[ *[\d.]+s\] postgres: postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres \(pid \d+\), databases tracseq_prod$/m);
    // The stack's services, PostgreSQL, Redis and Prometheus, each in its own process group, all gone.
    expect(report.processes?.length).toBeGreaterThan(10);
    expect(report.processes?.map((p) => p.label)).toEqual(expect.arrayContaining(['prometheus', 'postgres', 'redis-server']));
    expect(await leftovers(run.pid, report, 2000)).toEqual([]);
    const metrics = await (await request(`${pushgateway.url}/metrics`)).body.text();
    expect(metrics).toMatch(/tracseq_validation_run_exit_code\{[^}]*profile="pr"[^}]*target="local"\} 0/);
    expect(metrics).toMatch(/tracseq_validation_suite_outcome\{[^}]*outcome="pass"[^}]*suite="contracts"[^}]*\} 1/);
  });

  it('with +600 ms on sample-service the deploy gate fails in smoke (slow), then in load and SLO on p95, and its report shows it first in a real browser', async () => {
    // Slow is not dead: smoke fails on budgets only (the gateway's /health/detailed waits on sample-service
    // twice), which does not stop the gate; load's 500 ms p95 threshold and the SLO then measure it.
    const run = gate([...LOCAL, '--profile', 'deploy', '--suites', 'smoke,load,slo', '--load-config', shortRamp, '--load-duration', '10s', '--fault', 'sample-service:latency=600ms']);
    const { code, stdout, stderr } = await run.done;
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    const report = latestReport();
    expect(report.verdict).toBe('fail');
    const smoke = report.suites.find((s) => s.suite === 'smoke');
    expect(smoke?.outcome).toBe('fail');
    expect(new Set(smoke?.checks.filter((c) => c.outcome === 'fail').map((c) => c.failure?.kind))).toEqual(new Set(['slow']));
    expect(report.suites.find((s) => s.suite === 'load')?.outcome).toBe('fail');
    expect(report.suites.find((s) => s.suite === 'slo')?.outcome).toBe('fail');
    const lines = stdout.split('\n').filter((l) => l.startsWith('FAIL '));
    expect(lines.some((l) => /^FAIL load sample-service sample-service: p95 < 500 ms: sample-service: [\d.]+ ms breaches p95 < 500 ms/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => /^FAIL slo sample-service latency-p95: /.test(l)), lines.join('\n')).toBe(true);
    expect(await leftovers(run.pid, report, 2000)).toEqual([]);

    const page = await checkHtmlReport(join(reports, 'latest', 'index.html'), join(tmp, 'fault-report.png'));
    expect(page.firstSectionId).toBe('verdict');
    expect(page.verdict).toBe('fail');
    expect(page.failures.some((l) => /sample-service/.test(l))).toBe(true);
    expect(page.failuresTop).toBeLessThan(200);
    expect(page.chartsExpected).toBe(2);
    expect(page.chartsRendered).toBe(2);
    for (const chart of page.charts) {
      expect(chart.points, chart.id).toBeGreaterThan(3);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(100);
    }
    expect(page.networkRequests).toEqual([]);
  }, 240_000);

  it('SIGTERM during the load leaves no process of the run alive and writes a partial report marked interrupted (exit 143)', async () => {
    const run = gate([...LOCAL, '--profile', 'deploy', '--suites', 'load,slo', '--load-duration', '60s']);
    await run.waitForLine(/\] load +start/, 120_000);
    await run.waitForLine(/^\[k6\] /, 30_000);
    await sleep(3000);
    const signalled = Date.now();
    run.kill('SIGTERM');
    const { code, stdout, stderr } = await run.done;
    expect(code, `${stdout}\n${stderr}`).toBe(143);
    expect(Date.now() - signalled).toBeLessThan(20_000);
    const report = latestReport();
    expect(report.processes?.map((p) => p.label)).toContain('k6');
    expect(await leftovers(run.pid, report, 2000)).toEqual([]);
    expect(report.interrupted).toBe(true);
    expect(report.exitCode).toBe(143);
    expect(report.suites.map((s) => `${s.suite}:${s.outcome}`)).toEqual(['smoke:skip', 'contracts:skip', 'load:inconclusive', 'slo:skip']);
    expect(report.suites[2]?.checks.some((c) => c.failure?.kind === 'interrupted')).toBe(true);
    expect(report.suites[3]?.reason).toBe('interrupted by SIGTERM before it started');
    expect(stdout).toMatch(/verdict: \w+ \(interrupted\) {2}exit 143/);
  });
});
