import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { RunReport, type SuiteResultOf } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { RunLoadOptions } from '../load/run/run-load.ts';
import { LoadStepSchema } from './profile-schema.ts';
import type { RunnerSetup } from './runners.ts';
import { runLoadStep } from './suite-runners.ts';

/** The baseline lifecycle of a gate's load step, with k6 replaced by a recorded load result. */
const recorded = RunReport.parse(JSON.parse(readFileSync(new URL('../testdata/reports/gate-nightly-warn.json', import.meta.url), 'utf8')));
const measured = recorded.suites.find((s): s is SuiteResultOf<'load'> => s.suite === 'load')!;
const passing: SuiteResultOf<'load'> = { ...measured, outcome: 'pass', checks: [{ id: 'load/k6', name: 'k6 ran', outcome: 'pass', durationMs: 0 }] };
const failing: SuiteResultOf<'load'> = { ...passing, outcome: 'fail', checks: [...passing.checks, { id: 'load/threshold/p95', name: 'p95 < 500 ms', outcome: 'fail', durationMs: 0 }] };

describe('a load step that compares with a baseline', () => {
  let dir = '';
  let ctx: SuiteContext;
  const calls: RunLoadOptions[] = [];
  const setup: RunnerSetup = { prometheusUrl: undefined, remoteWriteUrl: undefined, baseline: undefined, local: true };
  const step = LoadStepSchema.parse({ scenario: 'soak', baseline: true });
  const fake = (result: SuiteResultOf<'load'>) => async (_ctx: SuiteContext, options: RunLoadOptions) => { calls.push(options); return result; };
  const file = () => join(dir, 'local', 'local', 'soak.json');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'load-step-'));
    calls.length = 0;
    ctx = {
      resolved: resolveCatalog(loadCatalog(), 'local', {}), runId: 'night-1', reportDir: dir, signal: new AbortController().signal,
      log: () => {}, env: { TRACSEQ_BASELINES_DIR: dir }, now: () => new Date('2026-12-01T02:00:00Z'),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('under auto with none yet, records a passing run as the baseline of its target, env and scenario, and says so as a pass', async () => {
    const out = await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'auto' }, setup, fake(passing));
    expect(calls[0]?.baseline).toBeUndefined();
    const check = out.checks.find((c) => c.id === 'load/baseline/lifecycle');
    expect(check).toMatchObject({ name: 'baseline established', outcome: 'pass' });
    expect(check?.detail?.['reason']).toMatch(/^baseline established: no baseline for local\/local\/soak yet; this run \(night-1\) passed its absolute checks/);
    expect(out.outcome).toBe('pass');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ fromRun: 'night-1', target: 'local', env: 'local', scenario: 'load' });
  });

  it('then compares with it (the next run gets the file, and no lifecycle check)', async () => {
    await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'auto' }, setup, fake(passing));
    const second = await runLoadStep({ ...ctx, runId: 'night-2' }, step, { tolerances: undefined, baselinePolicy: 'auto' }, setup, fake(passing));
    expect(calls[1]?.baseline).toBe(file());
    expect(second.checks.some((c) => c.id === 'load/baseline/lifecycle')).toBe(false);
    expect(JSON.parse(readFileSync(file(), 'utf8')).fromRun).toBe('night-1');
  });

  it('under auto never records a run that failed an absolute check, and names the check', async () => {
    const out = await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'auto' }, setup, fake(failing));
    expect(existsSync(file())).toBe(false);
    expect(out.outcome).toBe('fail');
    expect(out.checks.at(-1)).toMatchObject({ name: 'baseline not established', outcome: 'skip' });
    expect(out.checks.at(-1)?.detail?.['reason']).toContain('p95 < 500 ms (fail)');
  });

  it('under require with none, is inconclusive and names the command that establishes one', async () => {
    const out = await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'require' }, setup, fake(passing));
    expect(out.outcome).toBe('inconclusive');
    expect(out.checks.at(-1)?.failure?.message).toBe(
      `no baseline for local/local/soak (${file()}): the regression check was not made; establish one with \`tracseq-validate load baseline promote night-1\` (this run passed its absolute checks)`,
    );
    expect(existsSync(file())).toBe(false);
  });

  it('under off never compares, records or warns', async () => {
    const out = await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'off' }, setup, fake(passing));
    expect(calls[0]?.baseline).toBeUndefined();
    expect(out).toEqual(passing);
    expect(existsSync(file())).toBe(false);
  });

  it('keys an external target apart from the local one', async () => {
    await runLoadStep(ctx, step, { tolerances: undefined, baselinePolicy: 'auto' }, { ...setup, local: false }, fake(passing));
    expect(existsSync(join(dir, 'external', 'local', 'soak.json'))).toBe(true);
    expect(existsSync(file())).toBe(false);
  });
});
