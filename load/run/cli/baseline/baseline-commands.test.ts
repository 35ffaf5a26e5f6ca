import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunReport, type SuiteResultOf } from '../../../../core/result.ts';
import { parseKey } from '../../baseline/store.ts';
import { listCommand } from './list-command.ts';
import { promoteCommand } from './promote-command.ts';
import { resetCommand } from './reset-command.ts';
import { showCommand } from './show-command.ts';

/** `load baseline list | show | promote | reset` against a recorded gate run, in a temp store. */
const fixture = RunReport.parse(JSON.parse(readFileSync(new URL('../../../../testdata/reports/gate-nightly-warn.json', import.meta.url), 'utf8')));
// Its load steps list no endpoint, and its stress step made no check of its own: give them what a real run has.
const withEndpoint = (s: SuiteResultOf<'load'>): SuiteResultOf<'load'> => ({ ...s, data: { ...s.data!, endpoints: [{ ...s.data!.overall, service: 'sample-service', endpoint: 'list-samples' }] } });
const recorded = { ...fixture, suites: fixture.suites.map((s) => (s.suite !== 'load' ? s : withEndpoint({ ...s, checks: s.checks.length > 0 ? s.checks : [{ id: 'load/k6', name: 'k6 ran', outcome: 'pass' as const, durationMs: 0 }] }))) };

describe('load baseline commands', () => {
  let root = '';
  let env: NodeJS.ProcessEnv;
  let out: string[];
  const print = (text: string) => out.push(text);
  const writeRun = (report: RunReport) => {
    mkdirSync(join(root, 'reports', report.runId), { recursive: true });
    writeFileSync(join(root, 'reports', report.runId, 'report.json'), JSON.stringify(report));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'baseline-cli-'));
    env = { TRACSEQ_REPORTS_DIR: join(root, 'reports'), TRACSEQ_BASELINES_DIR: join(root, 'baselines') };
    out = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('promote makes each load step of a run a baseline, keyed by its target, env and scenario; list and show read them back', async () => {
    const run = { ...recorded, target: 'local' };
    writeRun(run);
    await promoteCommand(run.runId, {}, env, print);
    expect(out.join('')).toContain(`baseline local/local/load (1 endpoints) from run ${run.runId} written to ${join(root, 'baselines', 'local', 'local', 'load.json')}`);
    expect(out.join('')).toContain('baseline local/local/stress');
    out = [];
    await listCommand(env, print);
    expect(out.join('').split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['local/local/load', 'local/local/stress']);
    out = [];
    await showCommand('local/local/stress', { json: true }, env, print);
    expect(JSON.parse(out.join(''))).toMatchObject({ kind: 'tracseq-load-baseline', fromRun: run.runId, target: 'local', scenario: 'stress' });
  });

  it('promote refuses a step that failed an absolute check, naming it', async () => {
    const load = recorded.suites[2] as SuiteResultOf<'load'>;
    const failed = { ...recorded, suites: [{ ...load, outcome: 'fail' as const, checks: [{ id: 'load/threshold/p95', name: 'p95 < 500 ms', outcome: 'fail' as const, durationMs: 0 }] }] };
    writeRun(failed);
    await expect(promoteCommand(failed.runId, {}, env, print)).rejects.toMatchObject({ exitCode: 2, message: `run ${failed.runId}: the load step failed its absolute checks (p95 < 500 ms (fail)): not promoted` });
  });

  it('promote refuses a step that made no absolute check, and writes nothing', async () => {
    const noCheck = { ...recorded, suites: recorded.suites.map((s) => (s.suite === 'load' && s.data?.scenario === 'stress' ? { ...s, checks: [] } : s)) };
    writeRun(noCheck);
    await expect(promoteCommand(noCheck.runId, {}, env, print)).rejects.toThrow(/the stress step made no absolute check: not promoted$/);
    await listCommand(env, print);
    expect(out.join('')).toMatch(/^no baselines under /);
  });

  it('promote names the run it cannot find, and a scenario the run does not have', async () => {
    await expect(promoteCommand('no-such-run', {}, env, print)).rejects.toThrow(/^no run "no-such-run": give a run id under /);
    writeRun(recorded);
    await expect(promoteCommand(recorded.runId, { scenario: 'soak' }, env, print)).rejects.toThrow(/has no load step of scenario soak/);
  });

  it('reset removes one baseline or all of them; show then says there is none', async () => {
    writeRun({ ...recorded, target: 'local' });
    await promoteCommand(recorded.runId, {}, env, print);
    await resetCommand('local/local/load', {}, env, print);
    await expect(showCommand('local/local/load', {}, env, print)).rejects.toThrow(/^no baseline local\/local\/load/);
    out = [];
    await resetCommand(undefined, { all: true }, env, print);
    expect(out.join('')).toContain('1 baseline(s) removed');
    out = [];
    await listCommand(env, print);
    expect(out.join('')).toMatch(/^no baselines under /);
    await expect(resetCommand(undefined, {}, env, print)).rejects.toThrow(/give the key of the baseline to remove/);
  });

  it('a key is <target>/<env>/<scenario> of safe names', () => {
    expect(parseKey('local/local/soak')).toEqual({ target: 'local', env: 'local', scenario: 'soak' });
    for (const bad of ['local/soak', '../x/y', 'a/b/c/d', 'a//b']) expect(() => parseKey(bad)).toThrow(/is not a baseline key/);
  });
});
