import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.ts';
import { parseSuitesOption, planSuites } from './plan.ts';
import { loadProfiles, parseProfiles, selectProfile, withBaselinePolicy, withLoadDuration, withLoadScenario } from './profiles.ts';

const profiles = loadProfiles();
const running = (entries: ReturnType<typeof planSuites>) => entries.filter((e) => e.run).map((e) => e.suite);

describe('gate profiles', () => {
  it.each([
    ['pr', ['smoke', 'contracts']],
    ['deploy', ['smoke', 'contracts', 'load', 'slo']],
    ['nightly', ['smoke', 'load', 'slo']],
    ['release', ['smoke', 'contracts', 'load', 'slo']],
  ])('the %s profile runs %j', (name, suites) => {
    expect(running(planSuites(name, selectProfile(profiles, name)))).toEqual(suites);
  });

  it('the nightly profile runs soak (against the baseline) then stress outside the SLO window', () => {
    const nightly = selectProfile(profiles, 'nightly');
    expect(nightly.load.map((s) => [s.scenario, s.baseline, s.slo])).toEqual([['soak', true, true], ['stress', false, false]]);
    expect(nightly.slo).toEqual({ window: 'run', compareWith: 7, relativeNoiseMs: 25 });
    expect([nightly.baselinePolicy, nightly.trend.compare, nightly.trend.nights]).toEqual(['auto', true, 7]);
  });

  it('a step inside the SLO window after one outside it is a config error naming the step', () => {
    const text = 'profiles:\n  nightly:\n    description: x\n    suites: [load, slo]\n    load:\n      - { scenario: stress, slo: false }\n      - { scenario: soak }\n';
    expect(() => parseProfiles(text, 'p.yaml')).toThrow(/invalid gate profiles/);
    try { parseProfiles(text, 'p.yaml'); } catch (err) { expect((err as UsageError).details).toEqual(['p.yaml: profiles.nightly.load[1].slo: steps outside the SLO window (slo: false) must come after every step inside it']); }
  });

  it('the deploy profile runs a short load (with every service loaded beside it) and the release profile sets tolerances and fails on warnings', () => {
    expect(selectProfile(profiles, 'deploy').load).toEqual([{ scenario: 'load', duration: '60s', endpoints: true, baseline: false, slo: true }]);
    const release = selectProfile(profiles, 'release');
    expect(release.tolerances).toBeDefined();
    expect(release.warningsFail).toBe(true);
    expect(release.baselinePolicy).toBe('require');
    expect(release.trend.compare).toBe(false);
  });

  it('--baseline-policy replaces the profile\'s policy, and nothing else', () => {
    const release = selectProfile(profiles, 'release');
    expect(withBaselinePolicy(release, 'auto')).toEqual({ ...release, baselinePolicy: 'auto' });
    expect(withBaselinePolicy(release, undefined)).toBe(release);
  });

  it('--load-duration replaces the duration of every load step and nothing else', () => {
    const nightly = selectProfile(profiles, 'nightly');
    expect(withLoadDuration(nightly, '20s').load.map((s) => [s.scenario, s.duration, s.baseline])).toEqual([['soak', '20s', true], ['stress', '20s', false]]);
    expect(withLoadDuration(nightly, undefined)).toBe(nightly);
  });

  it('--load-scenario replaces the scenario of every load step and nothing else', () => {
    const nightly = selectProfile(profiles, 'nightly');
    expect(withLoadScenario(nightly, 'smoke-load').load.map((s) => [s.scenario, s.baseline])).toEqual([['smoke-load', true], ['smoke-load', false]]);
    expect(withLoadScenario(nightly, undefined)).toBe(nightly);
  });

  it('the deploy profile loads every service beside the journeys; --load-scenario keeps that only where it can run beside them', () => {
    const deploy = selectProfile(profiles, 'deploy');
    expect(deploy.load.map((s) => [s.scenario, s.endpoints])).toEqual([['load', true]]);
    expect(withLoadScenario(deploy, 'soak').load.map((s) => [s.scenario, s.endpoints])).toEqual([['soak', true]]);
    expect(withLoadScenario(deploy, 'smoke-load').load.map((s) => [s.scenario, s.endpoints])).toEqual([['smoke-load', false]]);
  });

  it('lists the suites a profile does not run as skipped with the reason', () => {
    const plan = planSuites('pr', selectProfile(profiles, 'pr'));
    expect(plan.map((e) => e.suite)).toEqual(['smoke', 'contracts', 'load', 'slo']);
    expect(plan.find((e) => e.suite === 'load')).toEqual({ suite: 'load', run: false, reason: 'not part of the pr profile' });
  });

  it('an unknown profile is a usage error naming the valid ones', () => {
    expect(() => selectProfile(profiles, 'weekly')).toThrow(/unknown profile "weekly" \(known: pr, deploy, nightly, release\)/);
  });

  it('a profile that runs load without a load step is a config error naming the field', () => {
    const text = 'profiles:\n  pr:\n    description: x\n    suites: [smoke, load]\n';
    const err = (() => {
      try {
        parseProfiles(text, 'p.yaml');
      } catch (caught) {
        return caught as UsageError;
      }
      throw new Error('parseProfiles accepted a profile that runs load without a load step');
    })();
    expect(err.message).toMatch(/invalid gate profiles/);
    expect(err.details.join('\n')).toMatch(/p\.yaml: profiles\.pr\.load: the profile runs the load suite/);
  });
});

describe('--suites', () => {
  it('narrows the profile to the named suites, keeping the gate order', () => {
    const plan = planSuites('deploy', selectProfile(profiles, 'deploy'), parseSuitesOption('slo,smoke'));
    expect(running(plan)).toEqual(['smoke', 'slo']);
    expect(plan.find((e) => e.suite === 'contracts')?.reason).toBe('not selected by --suites');
  });

  it('rejects unknown suite names and load in a profile without load steps', () => {
    expect(() => parseSuitesOption('smoke,chaos')).toThrow(/unknown suite "chaos"/);
    expect(() => parseSuitesOption(' , ')).toThrow(UsageError);
    expect(() => planSuites('pr', selectProfile(profiles, 'pr'), ['load'])).toThrow(/the pr profile has no load step/);
  });
});
