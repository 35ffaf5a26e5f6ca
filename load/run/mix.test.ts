import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { iterationsPerMinute, journeySchedule, JOURNEYS, pickWeighted, requestsPerIteration, SINGLE_STEPS } from '../lib/mix.ts';
import { STEPS, servicesUnderLoad } from '../lib/steps.ts';

describe('the journey mix (load/lib/mix.ts)', () => {
  it('has weights that add up to 1', () => {
    expect(JOURNEYS.reduce((s, j) => s + j.weight, 0)).toBeCloseTo(1);
    expect(SINGLE_STEPS.reduce((s, j) => s + j.weight, 0)).toBeCloseTo(1);
  });

  it('turns a req/s target into an iteration rate that gives it back', () => {
    expect(requestsPerIteration()).toBeCloseTo(2.65);
    const rps = 2500;
    expect(Math.abs((iterationsPerMinute(rps) / 60) * requestsPerIteration() - rps) / rps).toBeLessThan(0.001);
  });

  it('schedules each journey in proportion to its weight, interleaved', () => {
    const schedule = journeySchedule();
    expect(schedule).toHaveLength(20);
    for (const j of JOURNEYS) expect(schedule.filter((n) => n === j.name).length / schedule.length).toBeCloseTo(j.weight);
    // the busiest journey never runs three times in a row: the cycle is spread, not blocked
    expect(schedule.join(',')).not.toMatch(/browse,browse,browse/);
    const requests = schedule.reduce((s, n) => s + JOURNEYS.find((j) => j.name === n)!.steps.length, 0);
    expect(requests / schedule.length).toBeCloseTo(requestsPerIteration());
  });

  it('refuses a weight the schedule cannot represent', () => {
    expect(() => journeySchedule([{ name: 'browse', weight: 0.0001, steps: ['listSamples'] }])).toThrow(/weights/);
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
