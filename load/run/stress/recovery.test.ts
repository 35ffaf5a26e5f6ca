import { describe, expect, it } from 'vitest';
import type { StressCriteria } from '../data.ts';
import { measureRecovery } from './recovery.ts';
import type { WindowStat } from './windows.ts';

const C: StressCriteria = { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 };
const w = (start: number, p95: number): WindowStat => ({ start, seconds: 5, requests: 500, rps: 100, errorRate: 0, rateLimitedFraction: 0, droppedFraction: 0, p95, vusMax: 10 });

describe('recovery time', () => {
  it('counts from the end of the fall to the first window of the healthy tail', () => {
    const windows = [w(10, 900), w(11, 900), w(12, 800), w(13, 700), w(14, 100), w(15, 90), w(16, 80)];
    expect(measureRecovery(windows, C, 11)).toEqual({ recovered: true, recoveredAt: 14, seconds: 3, observedS: 10 });
  });

  it('does not count a healthy blip followed by relapse', () => {
    const windows = [w(20, 900), w(21, 100), w(22, 900), w(23, 100), w(24, 100)];
    expect(measureRecovery(windows, C, 20).seconds).toBe(3);
  });

  it('is zero when the system is healthy as soon as the load is down', () => {
    expect(measureRecovery([w(5, 100), w(6, 100)], C, 5).seconds).toBe(0);
  });

  it('is null when the system is still unhealthy at the end', () => {
    expect(measureRecovery([w(5, 100), w(6, 900)], C, 5)).toMatchObject({ recovered: false, seconds: null });
  });
});
