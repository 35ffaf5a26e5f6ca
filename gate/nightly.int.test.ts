import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogPath, loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { suiteData, suitesOf, type RunReport } from '../core/result.ts';
import type { RunIo } from '../core/run/io.ts';
import { readBaseline } from '../load/run/baseline/baseline-file.ts';
import { readHistory } from './history/history-file.ts';
import { parseGateOptions } from './gate-options.ts';
import { startLocalTarget, type LocalTarget } from './local-target.ts';
import { runGate, type GateDeps } from './run-gate.ts';

/**
 * The nightly profile on a healthy stack, first night and second night, with a short soak: one
 * reference stack and Prometheus shared by both nights (the gate's target, not stopped between
 * them), fresh baselines, SLO history and run history.
 */
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-nightly-int-'));
const reports = join(tmp, 'reports');
const baselines = join(tmp, 'baselines');
const env: NodeJS.ProcessEnv = { ...process.env, TRACSEQ_REPORTS_DIR: reports, TRACSEQ_BASELINES_DIR: baselines, TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo-history') };
const config = join(tmp, 'load.yaml');
// A light load the shared machine holds easily; few requests per endpoint, so the baseline compares from 5 and
// a short run's throughput per endpoint is judged loosely. The stress ceiling stays low: this test is about the lifecycle.
writeFileSync(config, 'expectedRps: 60\nvus: 20\nramp: 1s\nbaselineMinRequests: 5\ntolerances: { throughput: ">=-50%" }\nscenarios:\n  stress: { rate: 200, vus: 40 }\n');

let target: LocalTarget;
const output: string[] = [];
const io: RunIo = { out: (t) => output.push(t), err: (t) => output.push(t), tty: false, env, exitNow: (code) => { throw new Error(`exitNow(${code})`); } };
const deps: GateDeps = {
  // The shared target: warmed up once in beforeAll; each night's SLO window starts with its smoke.
  startTarget: async () => ({ ...target, warmUp: async () => ({ line: 'target local: shared, warmed up before the first night', ended: new Date() }), stop: async () => {} }),
  createRunners: async (setup) => (await import('./suite-runners.ts')).createSuiteRunners(setup),
};
const night = () => runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'nightly', loadDuration: '3s', loadConfig: config }), io, deps);
const step = (report: RunReport, scenario: string) => suitesOf(report, 'load').find((s) => suiteData(s)?.scenario === scenario)!;
const historyFile = join(reports, 'history', 'local-local-nightly.jsonl');
const baselineFile = join(baselines, 'local', 'local', 'soak.json');

describe('the nightly on a healthy stack', () => {
  let first: RunReport;

  beforeAll(async () => {
    const catalog = loadCatalog(catalogPath(undefined, env));
    target = await startLocalTarget({ catalog, faults: [], log: () => {} });
    await target.warmUp(resolveCatalog(catalog, 'local', { ...env, ...target.env }), new AbortController().signal);
  });
  afterAll(async () => {
    await target?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('passes on the first night: establishes the soak baseline (a pass, not a warning), stores the first SLO evaluation as neutral, and starts the history', async () => {
    first = await night();
    expect(first.exitCode, output.join('')).toBe(0);
    const soak = step(first, 'soak');
    const lifecycle = soak.checks.find((c) => c.id === 'load/baseline/lifecycle');
    expect(lifecycle).toMatchObject({ name: 'baseline established', outcome: 'pass' });
    expect(lifecycle?.detail?.['reason']).toMatch(/^baseline established: no baseline for local\/local\/soak yet; this run \(.+\) passed its absolute checks/);
    expect(await readBaseline(baselineFile)).toMatchObject({ fromRun: first.runId, target: 'local', scenario: 'soak' });
    const slo = suiteData(suitesOf(first, 'slo')[0]!)!;
    expect(slo.historyEntries).toBe(0);
    // Stored under the profile's run window, not under its length (which differs by seconds from night to night).
    const stored = readdirSync(join(tmp, 'slo-history', 'local'));
    expect(stored.map((f) => JSON.parse(readFileSync(join(tmp, 'slo-history', 'local', f), 'utf8')).window)).toEqual(['run:nightly']);
    expect(slo.slos.filter((r) => r.notes.some((n) => n.includes('not compared (first evaluation)'))).length).toBeGreaterThan(0);
    expect(slo.slos.every((r) => r.sloOutcome !== 'warn' || !r.reason.includes('history'))).toBe(true);
    const stress = suiteData(step(first, 'stress'))!;
    expect(stress.stress?.table.breakingPointRps).toBeGreaterThan(0);
    const history = await readHistory(historyFile);
    expect(history.map((h) => h.runId)).toEqual([first.runId]);
    expect(history[0]!.figures.breakingPointRps).toBe(stress.stress?.table.breakingPointRps);
    expect(Object.keys(history[0]!.figures.services).length).toBeGreaterThan(2);
    expect(first.trend).toMatchObject({ judged: false, nights: [{ runId: first.runId }] });
  });

  it('passes on the second night: compares the soak with that baseline, compares the SLOs with the first evaluation, and draws a two-run trend', async () => {
    expect(first, 'the first night ran').toBeDefined();
    output.length = 0;
    const second = await night();
    expect(second.exitCode, output.join('')).toBe(0);
    const soak = step(second, 'soak');
    expect(soak.checks.some((c) => c.id === 'load/baseline/lifecycle')).toBe(false);
    const compared = soak.checks.filter((c) => /^load\/baseline\/.+\/p95$/.test(c.id));
    expect(compared.length).toBeGreaterThan(3);
    expect(compared.every((c) => c.outcome === 'pass' && c.detail?.['file'] === baselineFile)).toBe(true);
    expect((await readBaseline(baselineFile)).fromRun).toBe(first.runId);
    const slo = suiteData(suitesOf(second, 'slo')[0]!)!;
    expect(slo.historyEntries).toBe(1);
    // The busy services' latencies are compared with the first night; a quantile of a handful of
    // requests is not, and says how many there were.
    expect(slo.slos.some((r) => r.notes.some((n) => n.startsWith('compared with 1 stored evaluation(s)')))).toBe(true);
    const thin = slo.slos.filter((r) => r.notes.some((n) => /not compared \(\d+ observation\(s\) over/.test(n)));
    expect(thin.every((r) => r.sloOutcome === 'pass')).toBe(true);
    expect((await readHistory(historyFile)).map((h) => h.runId)).toEqual([first.runId, second.runId]);
    expect(second.trend?.nights.map((n) => n.runId)).toEqual([first.runId, second.runId]);
    const html = readFileSync(join(reports, second.runId, 'index.html'), 'utf8');
    expect(html).toContain('<section id="trend" data-runs="2"');
    expect(html.slice(html.indexOf('id="trend-breaking-point"')).match(/<circle /g)?.length).toBeGreaterThanOrEqual(2);
    expect(output.join('')).toMatch(/^trend: 2 run\(s\); not compared with the trend yet: 1 passing run\(s\) stored, 3 needed/m);
    expect(existsSync(join(reports, second.runId, 'load', 'soak', 'summary.json')) && existsSync(join(reports, second.runId, 'load', 'stress', 'summary.json'))).toBe(true);
  });
});
