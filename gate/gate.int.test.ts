import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunReport } from '../core/result.ts';
import { checkHtmlReport } from '../reports/html/browser-check.ts';
import { descendantPids, isAlive } from './descendants.ts';
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

const latestReport = () => RunReport.parse(JSON.parse(readFileSync(join(reports, 'latest', 'report.json'), 'utf8')));

/** Every process the gate started while it ran (sampled), so the test can check none outlives it. */
function watchDescendants(gate: GateProcess): Set<number> {
  const seen = new Set<number>();
  const timer = setInterval(() => { for (const pid of descendantPids(gate.child.pid)) seen.add(pid); }, 150);
  void gate.done.then(() => clearInterval(timer));
  return seen;
}

async function allGone(pids: Iterable<number>, withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  let alive = [...pids].filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter(isAlive);
  }
  return alive;
}

describe('tracseq-validate gate --target local', () => {
  let pushgateway: RunningPushgateway;
  beforeAll(async () => { pushgateway = await startPushgateway(); });
  afterAll(async () => {
    await pushgateway?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the pr profile passes on a healthy stack, stops everything it started, and pushes its metrics', async () => {
    const gate = spawnGate([...LOCAL, '--profile', 'pr', '--push-metrics', pushgateway.url], env);
    const seen = watchDescendants(gate);
    const { code, stdout, stderr } = await gate.done;
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const report = latestReport();
    expect(report.suites.map((s) => `${s.suite}:${s.outcome}`)).toEqual(['smoke:pass', 'contracts:pass', 'load:skip', 'slo:skip']);
    expect(report.suites[2]?.reason).toBe('not part of the pr profile');
    expect(stderr).toMatch(/^gate \[ *[\d.]+s\] smoke +start$/m);
    expect(stderr).toMatch(/^gate \[ *[\d.]+s\] contracts +PASS in [\d.]+s$/m);
    expect(stdout).toMatch(/^verdict: PASS {2}exit 0 {2}env local/m);
    expect(seen.size).toBeGreaterThan(10);
    expect(await allGone(seen, 2000)).toEqual([]);
    const metrics = await (await request(`${pushgateway.url}/metrics`)).body.text();
    expect(metrics).toMatch(/tracseq_validation_run_exit_code\{[^}]*profile="pr"[^}]*target="local"\} 0/);
    expect(metrics).toMatch(/tracseq_validation_suite_outcome\{[^}]*outcome="pass"[^}]*suite="contracts"\} 1/);
  });

  it('with +600 ms on sample-service the deploy gate fails and says why, and its report shows it first in a real browser', async () => {
    const gate = spawnGate([...LOCAL, '--profile', 'deploy', '--load-duration', '10s', '--fault', 'sample-service:latency=600ms'], env);
    const seen = watchDescendants(gate);
    const { code, stdout, stderr } = await gate.done;
    expect(code, `${stdout}\n${stderr}`).toBe(1);
    const report = latestReport();
    expect(report.verdict).toBe('fail');
    const failing = report.suites.filter((s) => s.outcome === 'fail').map((s) => s.suite);
    expect(failing).toContain('load');
    const lines = stdout.split('\n').filter((l) => l.startsWith('FAIL '));
    expect(lines.some((l) => /^FAIL load /.test(l) && /sample-service/.test(l) && /p\(?95|latency/i.test(l)), lines.join('\n')).toBe(true);
    expect(await allGone(seen, 2000)).toEqual([]);

    const page = await checkHtmlReport(join(reports, 'latest', 'index.html'), join(tmp, 'fault-report.png'));
    expect(page.firstSectionId).toBe('verdict');
    expect(page.verdict).toBe('fail');
    expect(page.failures.some((l) => /sample-service/.test(l))).toBe(true);
    expect(page.chartsRendered).toBe(page.chartsExpected);
    expect(page.charts.length).toBeGreaterThanOrEqual(2);
    for (const chart of page.charts) {
      expect(chart.points, chart.id).toBeGreaterThan(3);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(100);
    }
    expect(page.networkRequests).toEqual([]);
  });

  it('SIGTERM during the load leaves no process of the run alive and writes a partial report marked interrupted (exit 143)', async () => {
    const gate = spawnGate([...LOCAL, '--profile', 'deploy', '--load-duration', '60s'], env);
    const seen = watchDescendants(gate);
    await gate.waitForLine(/\] load +start/, 90_000);
    await sleep(3000);
    for (const pid of descendantPids(gate.child.pid)) seen.add(pid);
    const signalled = Date.now();
    gate.child.kill('SIGTERM');
    const { code, stdout, stderr } = await gate.done;
    expect(code, `${stdout}\n${stderr}`).toBe(143);
    expect(Date.now() - signalled).toBeLessThan(20_000);
    expect(await allGone(seen, 2000)).toEqual([]);
    const report = latestReport();
    expect(report.interrupted).toBe(true);
    expect(report.exitCode).toBe(143);
    expect(report.suites.map((s) => s.suite)).toEqual(['smoke', 'contracts', 'load', 'slo']);
    expect(report.suites[3]).toMatchObject({ outcome: 'skip', reason: 'interrupted by SIGTERM before it started' });
    expect(stdout).toMatch(/verdict: \w+ \(interrupted\) {2}exit 143/);
  });
});
