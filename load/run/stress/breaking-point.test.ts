import { describe, expect, it } from 'vitest';
import type { StressCriteria } from '../data.ts';
import { findBreakingPoint, isHealthy, windowProblems } from './breaking-point.ts';
import type { WindowStat } from './windows.ts';

const C: StressCriteria = { maxErrorRate: 0.01, maxP95Ms: 500, maxDroppedFraction: 0.01 };
const w = (start: number, rps: number, p95: number, errorRate = 0, extra: Partial<WindowStat> = {}): WindowStat => ({
  start, seconds: 5, requests: rps * 5, rps, errorRate, rateLimitedFraction: 0, droppedFraction: 0, p95, vusMax: Math.round(rps / 10), ...extra,
});

describe('a window is healthy', () => {
  it.each([
    ['within every criterion', w(0, 100, 120), true],
    ['with p95 at the limit', w(0, 100, 500), false],
    ['with 1% errors', w(0, 100, 120, 0.01), false],
    ['with 2% of iterations dropped', w(0, 100, 120, 0, { droppedFraction: 0.02 }), false],
    ['with 5% rate-limited', w(0, 100, 120, 0, { rateLimitedFraction: 0.05 }), false],
    ['with no request at all', w(0, 0, 0, 0, { requests: 0, p95: null }), false],
  ])('%s: %s', (_name, window, healthy) => {
    expect(isHealthy(window, C)).toBe(healthy);
  });

  it('names every failed criterion', () => {
    expect(windowProblems(w(0, 100, 900, 0.2), C)).toEqual(['error rate 20.00% >= 1%', 'p95 900 ms >= 500 ms']);
  });
});

describe('the breaking point', () => {
  it('is the highest healthy sustained rate, and the break is the next unhealthy window', () => {
    const windows = [w(0, 100, 50), w(1, 200, 60), w(2, 300, 90), w(3, 400, 700, 0.05), w(4, 450, 900, 0.12), w(5, 50, 40)];
    const bp = findBreakingPoint(windows, C);
    expect(bp.sustainedRps).toBe(300);
    expect(bp.breakWindow?.start).toBe(3);
    expect(bp.breakWindow?.errorRate).toBe(0.05);
    expect(bp.breakProblems).toEqual(['error rate 5.00% >= 1%', 'p95 700 ms >= 500 ms']);
  });

  it('ignores a noisy unhealthy window before the best healthy one', () => {
    const windows = [w(0, 100, 600), w(1, 200, 60), w(2, 300, 90), w(3, 320, 800)];
    const bp = findBreakingPoint(windows, C);
    expect(bp.sustainedRps).toBe(300);
    expect(bp.breakWindow?.start).toBe(3);
  });

  it('reports no break when the system held up to the ceiling', () => {
    const bp = findBreakingPoint([w(0, 100, 50), w(1, 200, 60), w(2, 30, 20)], C);
    expect(bp.sustainedRps).toBe(200);
    expect(bp.breakWindow).toBeUndefined();
  });

  it('has no breaking point when even the lowest rate is unhealthy', () => {
    const bp = findBreakingPoint([w(0, 10, 900), w(1, 20, 950)], C);
    expect(bp.sustainedRps).toBeNull();
    expect(bp.breakWindow?.start).toBe(0);
  });
});

describe('a window that fell short of the offered rate', () => {
  const S: StressCriteria = { ...C, maxShortfall: 0.2 };
  it('is not sustained, and says what was achieved of what was offered', () => {
    expect(windowProblems(w(0, 470, 120, 0, { offeredRps: 605 }), S)).toEqual(['achieved 470 of the 605 req/s offered']);
    expect(isHealthy(w(0, 500, 120, 0, { offeredRps: 605 }), S)).toBe(true);
  });

  it('is not judged without an offered rate or a shortfall criterion', () => {
    expect(isHealthy(w(0, 100, 120), S)).toBe(true);
    expect(isHealthy(w(0, 100, 120, 0, { offeredRps: 4000 }), C)).toBe(true);
  });

  it('breaks a climb where the generator fell behind without dropping iterations', () => {
    const windows = [w(0, 300, 50, 0, { offeredRps: 310 }), w(1, 600, 60, 0, { offeredRps: 620 }), w(2, 650, 70, 0, { offeredRps: 930 }), w(3, 700, 80, 0, { offeredRps: 1240 })];
    const bp = findBreakingPoint(windows, S);
    expect(bp.sustainedRps).toBe(600);
    expect(bp.breakWindow?.start).toBe(2);
  });
});
