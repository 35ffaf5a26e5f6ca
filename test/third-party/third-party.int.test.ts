import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport, SuiteResult } from '../../core/result.ts';
import { waitForScrape } from '../../infra/prometheus.ts';
import { reportDirOf, runCli } from '../helpers/cli.ts';
import { readReport } from '../helpers/report-dirs.ts';
import { startThirdPartyServers, THIRD_PARTY_CATALOG, type ThirdPartyServers } from '../helpers/third-party-servers.ts';

/**
 * The harness on servers this project did not write: Debian's Prometheus, node exporter, blackbox
 * exporter and nginx, described by testdata/third-party/catalog.yaml alone, each started on a free
 * loopback port (never the system services the packages install). The deploy gate runs smoke, the
 * endpoints load scenario (real k6, a few seconds at 20 req/s) and the SLOs against a real
 * Prometheus scraping them: it passes while they are healthy, and fails naming node-exporter once
 * that server is gone, as the SLO suite does once Prometheus has seen it go.
 */
let servers: ThirdPartyServers | undefined;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'third-party-'));
  servers = await startThirdPartyServers();
}, 60_000);

afterAll(async () => {
  await servers?.stopAll();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  ...servers!.env,
  TRACSEQ_REPORTS_DIR: join(dir, 'reports'),
  TRACSEQ_SLO_HISTORY_DIR: join(dir, 'slo-history'),
  TRACSEQ_PACTS_DIR: join(dir, 'pacts'),
  TRACSEQ_CONTRACTS_MATRIX: join(dir, 'matrix.json'),
});

const cli = (...args: string[]) => runCli(['--catalog', THIRD_PARTY_CATALOG, ...args], { env: env(), timeoutMs: 90_000 });
const gate = () => cli('gate', '--env', 'local', '--profile', 'deploy', '--load-duration', '4s', '--load-config', 'testdata/third-party/load.yaml', '--prometheus', servers!.prometheus.url);

function reportOf(stdout: string): RunReport {
  const run = reportDirOf(stdout);
  if (!run) throw new Error(`no report line in:\n${stdout}`);
  return readReport(dirname(run), basename(run));
}
const suite = <S extends SuiteResult['suite']>(report: RunReport, name: S) => report.suites.find((s): s is Extract<SuiteResult, { suite: S }> => s.suite === name)!;
const SERVICES = ['blackbox-exporter', 'nginx', 'node-exporter', 'prometheus'];

describe('the harness on Debian servers it did not write', () => {
  it('passes the deploy gate on the healthy servers: smoke, every service loaded, every SLO met with data', async () => {
    const run = await gate();
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const report = reportOf(run.stdout);

    const smoke = suite(report, 'smoke');
    expect(smoke.outcome).toBe('pass');
    expect(smoke.checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.service} ${c.name}: ${c.failure?.message}`)).toEqual([]);
    expect(smoke.checks.map((c) => `${c.service} ${c.name}`).sort()).toEqual([
      'blackbox-exporter endpoint:config', 'blackbox-exporter endpoint:landing', 'blackbox-exporter health', 'blackbox-exporter metrics',
      'nginx endpoint:index', 'nginx endpoint:status', 'nginx health',
      'node-exporter endpoint:metrics', 'node-exporter health', 'node-exporter metrics',
      'prometheus endpoint:build-info', 'prometheus endpoint:query-up', 'prometheus endpoint:ready', 'prometheus endpoint:targets', 'prometheus health', 'prometheus metrics',
    ]);

    expect(suite(report, 'contracts')).toMatchObject({ outcome: 'skip', reason: expect.stringMatching(/declares no interaction between its services/) });

    const load = suite(report, 'load');
    expect(load.outcome).toBe('pass');
    expect(load.data?.endpointsScenario?.loaded).toEqual(SERVICES);
    expect(load.data?.services.filter((s) => s.requests > 0 && s.errors === 0).map((s) => s.service).sort()).toEqual(SERVICES);
    expect([...new Set(load.data?.thresholds.flatMap((t) => /\{service:(.+)\}/.exec(t.key)?.[1] ?? []))].sort()).toEqual(SERVICES);

    const slo = suite(report, 'slo');
    expect(slo.outcome).toBe('pass');
    const rows = slo.data?.slos ?? [];
    expect(rows.filter((r) => r.sloOutcome !== 'pass').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    expect(rows.map((r) => r.id)).toEqual([
      'prometheus:availability', 'prometheus:error-rate', 'prometheus:latency-p95', 'prometheus:latency-p99', 'prometheus:config-loaded',
      'node-exporter:metrics-ok', 'node-exporter:up',
      'blackbox-exporter:metrics-ok', 'blackbox-exporter:up', 'blackbox-exporter:config-loaded',
      'nginx:probe-success', 'nginx:probe-duration',
    ]);
    // The shorthands read Prometheus's own series by job, code and handler (metrics.labels).
    expect(slo.data?.queries).toBeGreaterThan(0);
    expect(report.verdict).toBe('pass');
  });

  it('fails, naming node-exporter, once node-exporter is stopped: smoke stops the gate, and the SLOs see it too', async () => {
    const stoppedAt = new Date();
    await servers!.stop('node-exporter');

    const run = await gate();
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
    expect(run.stdout).toMatch(/^FAIL smoke node-exporter health http:\/\/127\.0\.0\.1:\d+\/: connection refused/m);
    expect(run.stdout).toMatch(/^SKIP load: smoke failed: node-exporter unreachable/m);
    const smoke = suite(reportOf(run.stdout), 'smoke');
    expect(smoke.checks.filter((c) => c.outcome === 'fail').map((c) => `${c.service} ${c.name}`)).toEqual(['node-exporter health']);

    await waitForScrape(servers!.prometheus.url, { jobs: ['node-exporter'], since: stoppedAt, timeoutMs: 15_000 });
    const slo = await cli('slo', 'evaluate', '--env', 'local', '--prometheus', servers!.prometheus.url, '--window', '20s', '--no-store');
    expect(slo.code, `${slo.stdout}\n${slo.stderr}`).toBe(1);
    expect(slo.stdout).toMatch(/^FAIL slo: key SLO failed: node-exporter:up \(score/m);
    const rows = suite(reportOf(slo.stdout), 'slo').data?.slos ?? [];
    expect(rows.filter((r) => r.sloOutcome === 'fail').map((r) => r.id)).toEqual(['node-exporter:up']);
    expect(rows.filter((r) => r.service !== 'node-exporter').every((r) => r.sloOutcome === 'pass')).toBe(true);
  });
});
