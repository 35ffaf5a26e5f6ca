import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnreachableError } from '../core/errors.ts';
import { RunReport, type SuiteResult } from '../core/result.ts';
import { parseGateOptions } from './gate-options.ts';
import type { LocalTarget } from './local-target.ts';
import type { RunIo } from '../core/run/io.ts';
import { runGate, type GateDeps } from './run-gate.ts';
import type { GateRunners } from './runners.ts';

const passing = (suite: SuiteResult['suite']): SuiteResult => ({ suite, outcome: 'pass', startedAt: new Date().toISOString(), durationMs: 1, checks: [{ id: `${suite}.c`, name: 'c', outcome: 'pass', durationMs: 1 }] });

describe('the gate run (fake target and suites)', () => {
  let root = '';
  let io: RunIo & { output: string[] };
  const events: string[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gate-run-'));
    events.length = 0;
    const output: string[] = [];
    io = { out: (t) => output.push(t), err: (t) => output.push(t), tty: false, env: { TRACSEQ_REPORTS_DIR: root }, exitNow: (code) => { throw new Error(`exitNow(${code}) called`); }, output };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const target: LocalTarget = {
    env: { SAMPLE_SERVICE_URL: 'http://127.0.0.1:1' },
    prometheusUrl: 'http://127.0.0.1:2',
    remoteWriteUrl: 'http://127.0.0.1:2/api/v1/write',
    pids: [],
    warmUp: async () => { events.push('target warmed up'); return { line: 'warmed up', ended: new Date() }; },
    stop: async () => { events.push('target stopped'); },
  };
  const runners = (overrides: Partial<GateRunners> = {}): GateRunners => ({
    smoke: async (ctx) => { events.push(`smoke sees ${ctx.env['SAMPLE_SERVICE_URL']}`); return passing('smoke'); },
    contracts: async () => passing('contracts'),
    load: async () => passing('load'),
    slo: async () => passing('slo'),
    ...overrides,
  });
  const deps = (r: GateRunners, start: GateDeps['startTarget'] = async () => { events.push('target started'); return target; }): GateDeps => ({ startTarget: start, createRunners: async () => r });
  const written = () => RunReport.parse(JSON.parse(readFileSync(join(root, 'latest', 'report.json'), 'utf8')));

  it('starts the target, hands its URLs to the suites, stops it, and writes every report with index.html', async () => {
    const report = await runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'pr' }), io, deps(runners()));
    expect(events).toEqual(['target started', 'target warmed up', 'smoke sees http://127.0.0.1:1', 'target stopped']);
    expect(report.exitCode).toBe(0);
    expect(written()).toEqual(report);
    expect(readFileSync(join(root, 'latest', 'index.html'), 'utf8')).toContain('PASS: fit to ship');
    expect(io.output.join('')).toMatch(/verdict: PASS {2}exit 0/);
  });

  it('stops the target when a suite fails, and the verdict is the failure', async () => {
    const failingSmoke = runners({ smoke: async () => ({ ...passing('smoke'), outcome: 'fail' }) });
    const report = await runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'deploy' }), io, deps(failingSmoke));
    expect(events).toEqual(['target started', 'target warmed up', 'target stopped']);
    expect(report.exitCode).toBe(1);
    expect(report.suites.map((s) => s.outcome)).toEqual(['fail', 'pass', 'skip', 'skip']);
  });

  it('a target that does not start gives a report naming why, every suite skipped, and exit 3', async () => {
    const report = await runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'pr' }), io, deps(runners(), async () => { throw new UnreachableError('reference stack did not start: sample-service exited with code 1'); }));
    expect(report.exitCode).toBe(3);
    expect(report.suites[0]).toMatchObject({ outcome: 'skip', reason: 'target local did not start: reference stack did not start: sample-service exited with code 1' });
    expect(written().verdict).toBe('inconclusive');
  });

  it('refuses an external target with an SLO suite and no Prometheus, before starting anything', async () => {
    await expect(runGate(parseGateOptions({ env: 'staging', profile: 'deploy' }), io, deps(runners()))).rejects.toThrow(/^--prometheus: the deploy profile runs the SLO suite/);
    expect(events).toEqual([]);
  });

  it('appends every run to its history beside the reports and puts the runs it is drawn among in the report', async () => {
    const options = parseGateOptions({ env: 'local', target: 'local', profile: 'nightly' });
    const first = await runGate(options, io, deps(runners()));
    const second = await runGate(options, io, deps(runners()));
    const file = join(root, 'history', 'local-local-nightly.jsonl');
    expect(readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).runId)).toEqual([first.runId, second.runId]);
    expect(second.trend?.nights.map((n) => n.runId)).toEqual([first.runId, second.runId]);
    expect(second.trend).toMatchObject({ file, judged: false, reason: 'not compared with the trend yet: 1 passing run(s) stored, 3 needed (trend.minNights)' });
    expect(written().trend).toEqual(second.trend);
    expect(readFileSync(join(root, 'latest', 'index.html'), 'utf8')).toContain('<section id="trend" data-runs="2"');
    expect(io.output.join('')).toMatch(/^trend: 2 run\(s\); not compared with the trend yet/m);
  });

  it('a damaged history stops the run before anything starts, naming the file and line (exit 2)', async () => {
    mkdirSync(join(root, 'history'));
    writeFileSync(join(root, 'history', 'local-local-nightly.jsonl'), 'not json\n');
    await expect(runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'nightly' }), io, deps(runners()))).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('local-local-nightly.jsonl:1: not a JSON line') });
    expect(events).toEqual([]);
  });

  it('a release run fails on a warning', async () => {
    const warned = runners({ slo: async () => ({ ...passing('slo'), outcome: 'warn' }) });
    const report = await runGate(parseGateOptions({ env: 'local', target: 'local', profile: 'release' }), io, deps(warned));
    expect([report.verdict, report.exitCode]).toEqual(['fail', 1]);
  });
});
