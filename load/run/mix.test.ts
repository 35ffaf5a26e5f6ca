import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { JOURNEYS, journeyRatePerMinute, pickWeighted, requestsPerIteration, SINGLE_STEPS, splitVus } from '../lib/mix.ts';
import { STEPS, servicesUnderLoad } from '../lib/steps.ts';

describe('the journey mix (load/lib/mix.ts)', () => {
  it('has weights that add up to 1', () => {
    expect(JOURNEYS.reduce((s, j) => s + j.weight, 0)).toBeCloseTo(1);
    expect(SINGLE_STEPS.reduce((s, j) => s + j.weight, 0)).toBeCloseTo(1);
  });

  it('turns a req/s target into journey rates that give it back', () => {
    const rps = 1000;
    const total = JOURNEYS.reduce((s, j) => s + (journeyRatePerMinute(rps, j) / 60) * j.steps.length, 0);
    expect(Math.abs(total - rps) / rps).toBeLessThan(0.001);
    expect(requestsPerIteration()).toBeCloseTo(2.65);
  });

  it.each([100, 7, 3])('splits %d VUs across the journeys, at least one each', (total) => {
    const split = splitVus(total);
    expect(split.every((v) => v >= 1)).toBe(true);
    expect(split.reduce((a, b) => a + b, 0)).toBe(Math.max(total, JOURNEYS.length));
  });

  it('picks by weight', () => {
    const items = [{ id: 'a', weight: 0.25 }, { id: 'b', weight: 0.75 }];
    expect(pickWeighted(items, 0.2).id).toBe('a');
    expect(pickWeighted(items, 0.3).id).toBe('b');
    expect(pickWeighted(items, 0.9999).id).toBe('b');
  });

  it('tags requests only with services the catalog knows', () => {
    const ids = new Set(loadCatalog().services.map((s) => s.id));
    for (const service of servicesUnderLoad()) expect(ids.has(service)).toBe(true);
    for (const step of Object.values(STEPS)) expect(step.path.startsWith('/api/v1/')).toBe(true);
  });
});
