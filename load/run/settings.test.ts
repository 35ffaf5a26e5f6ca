import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_RPS } from '../lib/defaults.ts';
import { parseSettings, readConfigFile } from './resolve-settings.ts';

describe('load settings', () => {
  it('apply the schema defaults: Keptn-style tolerances, expected load from the seeds', () => {
    const s = parseSettings({ scenario: 'load' });
    expect(s.tolerances).toEqual({ p95: '<=+10%', throughput: '>=-10%', errorRate: '<=+0.5', minP95DeltaMs: 25 });
    expect(s.expectedRps).toBe(EXPECTED_RPS);
    expect(s.instances).toBe(1);
    expect(s.rate).toBeUndefined();
  });

  it('name the bad field', () => {
    expect(() => parseSettings({ scenario: 'soak-forever' })).toThrow(/scenario/);
    expect(() => parseSettings({ scenario: 'load', duration: '10 minutes' })).toThrow(/duration: must be a duration/);
    expect(() => parseSettings({ scenario: 'load', tolerances: { p95: '10%' } })).toThrow(/tolerances.p95/);
    expect(() => parseSettings({ scenario: 'load', instances: 0 })).toThrow(/instances/);
  });

  it('let flags win over the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'load-settings-'));
    const file = join(dir, 'load.yaml');
    await writeFile(file, 'rate: 50\ntolerances:\n  p95: "<=+20%"\n');
    const s = parseSettings({ scenario: 'load', rate: 80, vus: undefined }, await readConfigFile(file));
    expect(s.rate).toBe(80);
    expect(s.tolerances.p95).toBe('<=+20%');
    expect(s.tolerances.throughput).toBe('>=-10%');
  });

  it('take the scenario section over the shared settings, for that scenario only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'load-settings-'));
    const file = join(dir, 'load.yaml');
    await writeFile(file, 'expectedRps: 250\nrate: 250\nvus: 100\nscenarios:\n  stress: { rate: 4000, vus: 600 }\n');
    const stress = parseSettings({ scenario: 'stress' }, await readConfigFile(file, 'stress'));
    expect([stress.rate, stress.vus, stress.expectedRps]).toEqual([4000, 600, 250]);
    const soak = parseSettings({ scenario: 'soak' }, await readConfigFile(file, 'soak'));
    expect([soak.rate, soak.vus, soak.expectedRps]).toEqual([250, 100, 250]);
  });

  it('name the scenario and field of a bad scenario section', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'load-settings-'));
    const file = join(dir, 'load.yaml');
    await writeFile(file, 'scenarios:\n  stress: { rate: -1 }\n  storm: { rate: 5 }\n');
    const err = await readConfigFile(file, 'stress').catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2 });
    const details = (err as { details: string[] }).details.join('\n');
    expect(details).toContain(`${file}: scenarios.stress.rate`);
    expect(details).toMatch(/scenarios: .*"storm"/);
  });

  it('name the file and field of a bad config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'load-settings-'));
    const file = join(dir, 'load.yaml');
    await writeFile(file, 'rate: fast\nscenario: load\n');
    await expect(readConfigFile(file)).rejects.toMatchObject({ exitCode: 2, details: expect.arrayContaining([expect.stringContaining(`${file}: rate`)]) });
  });
});
