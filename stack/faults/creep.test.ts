import { describe, expect, it } from 'vitest';
import { FaultState } from '../runtime/fault-state.ts';
import { CREEP_CAP_MS, creepDelayMs, requestDelayMs } from './creep.ts';
import { NO_FAULTS } from './faults.ts';

describe('creepDelayMs', () => {
  it.each([
    [50, 0, 0, 0],
    [50, 0, 60_000, 50],
    [50, 0, 90_000, 75],
    [50, 10_000, 70_000, 50],
    [0, 0, 600_000, 0],
    [50, 60_000, 0, 0],
    [1_000_000, 0, 600_000, CREEP_CAP_MS],
  ])('grows %d ms/min from t=%d to t=%d into %d ms', (rate, since, now, expected) => {
    expect(creepDelayMs(rate, since, now)).toBe(expected);
  });
});

describe('requestDelayMs', () => {
  it('adds fixed latency, jitter scaled by the random draw, and creep', () => {
    const inputs = { latencyMs: 600, jitterMs: 50, creepMsPerMin: 60, creepSinceMs: 0 };
    expect(requestDelayMs(inputs, 30_000, () => 0.5)).toBe(600 + 25 + 30);
    expect(requestDelayMs({ ...inputs, jitterMs: 0 }, 0, () => 0.99)).toBe(600);
  });
});

describe('FaultState', () => {
  it('restarts creep from the moment its rate changes and reports whether any fault is on', () => {
    let now = 1_000;
    const state = new FaultState(NO_FAULTS, () => now, () => 0);
    expect(state.any).toBe(false);
    now = 61_000;
    state.set({ creepMsPerMin: 120 });
    expect(state.any).toBe(true);
    expect(state.delayMs()).toBe(0);
    now = 91_000;
    expect(state.delayMs()).toBe(60);
    state.set({ creepMsPerMin: 0 });
    expect(state.any).toBe(false);
  });

  it('fails the fraction of requests its error rate asks for', () => {
    const draws = [0.01, 0.5, 0.019, 0.02];
    const state = new FaultState({ ...NO_FAULTS, errorRate: 0.02 }, Date.now, () => draws.shift()!);
    expect([state.shouldFail(), state.shouldFail(), state.shouldFail(), state.shouldFail()]).toEqual([true, false, true, false]);
  });
});
