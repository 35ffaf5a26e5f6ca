import { describe, expect, it } from 'vitest';
import type { LoadEnv } from '../lib/env.ts';
import { stressProfile } from '../lib/profiles.ts';

const env = (over: Partial<LoadEnv>): LoadEnv => ({
  baseUrl: 'http://127.0.0.1:1', email: 'a', password: 'b', login: {}, expectedRps: 1000, rate: undefined, durationS: undefined, rampS: undefined,
  vus: undefined, thinkScale: 1, requestTimeout: '10s', samplePool: 10, thresholds: undefined, plan: undefined, endpointsRate: undefined, ...over,
});
const stages = (e: LoadEnv) => (stressProfile(e)['steps'] as { stages: { duration: string; target: number }[] }).stages;

describe('the stress shape (load/lib/profiles.ts)', () => {
  it('climbs to 3x the expected load and falls to a tenth of it by default', () => {
    expect(stages(env({})).map((s) => s.target)).toEqual([3000, 3000, 300, 300]);
  });

  it('climbs to its own ceiling, but falls to at most half the expected load, where recovery is judged', () => {
    const local = stages(env({ expectedRps: 250, rate: 4000, durationS: 60 }));
    expect(local.map((s) => s.target)).toEqual([4000, 4000, 125, 125]);
    expect(local.map((s) => s.duration)).toEqual(['60000ms', '6000ms', '1000ms', '30000ms']);
  });
});
