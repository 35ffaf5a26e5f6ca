import { describe, expect, it } from 'vitest';
import { ConfigError, UnreachableError } from '../core/errors.ts';
import type { Outcome, SuiteName, SuiteResult } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import { planSuites } from './plan.ts';
import { loadProfiles, selectProfile } from './profiles.ts';
import type { GateProgress } from './progress.ts';
import { runSteps } from './run-steps.ts';
import type { GateRunners, SloWindow } from './runners.ts';

const profiles = loadProfiles();

function fakeClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; } };
}

function context(clock: ReturnType<typeof fakeClock>, controller = new AbortController()): SuiteContext {
  return { resolved: {} as SuiteContext['resolved'], runId: 'r', reportDir: '/nonexistent', signal: controller.signal, log: () => {}, env: {}, now: clock.now };
}

function result(suite: SuiteName, outcome: Outcome, at: Date): SuiteResult {
  return { suite, outcome, startedAt: at.toISOString(), durationMs: 1000, checks: [{ id: 'c', name: 'c', service: 'sample-service', outcome, durationMs: 1 }] };
}

function recorder() {
  const lines: string[] = [];
  const progress: GateProgress = {
    start: (s, l) => lines.push(`start ${s} ${l}`.trim()),
    end: (s, _l, o) => lines.push(`end ${s} ${o}`),
    skip: (s, r) => lines.push(`skip ${s}: ${r}`),
    note: (t) => lines.push(t),
  };
  return { lines, progress };
}

function runners(clock: ReturnType<typeof fakeClock>, outcomes: Partial<Record<SuiteName, Outcome | Error>>, calls: string[] = []): GateRunners & { windows: SloWindow[] } {
  const windows: SloWindow[] = [];
  const run = (suite: SuiteName) => async () => {
    calls.push(suite);
    clock.advance(20_000);
    const o = outcomes[suite] ?? 'pass';
    if (o instanceof Error) throw o;
    return result(suite, o, clock.now());
  };
  return {
    windows,
    smoke: run('smoke'),
    contracts: run('contracts'),
    load: async (c, step) => { calls.push(`load:${step.scenario}`); return run('load')(); },
    slo: async (c, window) => { windows.push(window); return run('slo')(); },
  };
}

describe('running the gate steps', () => {
  it('runs every suite of the deploy profile in order and derives the SLO window from the whole run', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const r = runners(clock, {}, calls);
    const { lines, progress } = recorder();
    const out = await runSteps(context(clock), planSuites('deploy', selectProfile(profiles, 'deploy')), selectProfile(profiles, 'deploy'), r, progress, () => undefined);
    expect(calls).toEqual(['smoke', 'contracts', 'load:load', 'load', 'slo']);
    expect(out.results.map((x) => `${x.suite}:${x.outcome}`)).toEqual(['smoke:pass', 'contracts:pass', 'load:pass', 'slo:pass']);
    expect(r.windows[0]).toMatchObject({ windowMs: 60_000, fromRun: true, endsNow: true }); // smoke, contracts and load: 20 s each, up to the SLO step
    expect(lines).toEqual(['start smoke', 'end smoke pass', 'start contracts', 'end contracts pass', 'start load load+endpoints 60s', 'end load pass', 'start slo window run', 'end slo pass']);
  });

  it('a failed smoke stops the gate before load and lists the skipped suites with the reason', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const { lines, progress } = recorder();
    const profile = selectProfile(profiles, 'deploy');
    const out = await runSteps(context(clock), planSuites('deploy', profile), profile, runners(clock, { smoke: 'fail' }, calls), progress, () => undefined);
    expect(calls).toEqual(['smoke', 'contracts']);
    const skipped = out.results.filter((x) => x.outcome === 'skip');
    expect(skipped.map((x) => x.suite)).toEqual(['load', 'slo']);
    expect(skipped[0]?.reason).toBe('smoke failed: sample-service unhealthy: no point loading a dead system');
    expect(lines).toContain('skip load: smoke failed: sample-service unhealthy: no point loading a dead system');
  });

  it('lists suites outside the profile as skipped without running them', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const profile = selectProfile(profiles, 'pr');
    const out = await runSteps(context(clock), planSuites('pr', profile), profile, runners(clock, {}, calls), recorder().progress, () => undefined);
    expect(calls).toEqual(['smoke', 'contracts']);
    expect(out.results.map((x) => [x.suite, x.outcome, x.reason])).toEqual([
      ['smoke', 'pass', undefined],
      ['contracts', 'pass', undefined],
      ['load', 'skip', 'not part of the pr profile'],
      ['slo', 'skip', 'not part of the pr profile'],
    ]);
  });

  it('a suite that throws is inconclusive with the error named, and its exit code is kept', async () => {
    const clock = fakeClock();
    const profile = selectProfile(profiles, 'deploy');
    const out = await runSteps(
      context(clock),
      planSuites('deploy', profile),
      profile,
      runners(clock, { load: new UnreachableError('k6 not found: run scripts/setup'), slo: new ConfigError('slo.yaml: bad') }),
      recorder().progress,
      () => undefined,
    );
    const load = out.results.find((x) => x.suite === 'load');
    expect(load?.outcome).toBe('inconclusive');
    expect(load?.checks[0]?.failure).toEqual({ kind: 'tool-missing', message: 'k6 not found: run scripts/setup' });
    expect(out.errorCodes).toEqual([3, 2]);
  });

  it('after an interrupt every remaining suite is skipped as interrupted', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    let signal: NodeJS.Signals | undefined;
    const calls: string[] = [];
    const r = runners(clock, {}, calls);
    const smoke = r.smoke;
    r.smoke = async (c) => { const res = await smoke(c); signal = 'SIGTERM'; controller.abort(); return res; };
    const profile = selectProfile(profiles, 'deploy');
    const out = await runSteps(context(clock, controller), planSuites('deploy', profile), profile, r, recorder().progress, () => signal);
    expect(calls).toEqual(['smoke']);
    expect(out.results.slice(1).map((x) => [x.suite, x.outcome, x.reason])).toEqual([
      ['contracts', 'skip', 'interrupted by SIGTERM before it started'],
      ['load', 'skip', 'interrupted by SIGTERM before it started'],
      ['slo', 'skip', 'interrupted by SIGTERM before it started'],
    ]);
  });

  it('the nightly profile runs soak then stress, and the SLO window ends where the stress ramp began', async () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const r = runners(clock, {}, calls);
    const profile = selectProfile(profiles, 'nightly');
    await runSteps(context(clock), planSuites('nightly', profile), profile, r, recorder().progress, () => undefined);
    expect(calls).toEqual(['smoke', 'load:soak', 'load', 'load:stress', 'load', 'slo']);
    expect(r.windows[0]).toMatchObject({ windowMs: 40_000, at: new Date(Date.parse('2026-01-01T00:00:40Z')), endsNow: false, compareWith: 7 }); // smoke and soak
  });
});
