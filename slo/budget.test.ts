import { describe, expect, it } from 'vitest';
import { badFraction, burnRate, errorBudget, eventCounts, pairFires } from './budget.ts';

describe('error budget', () => {
  it.each([
    // good, total, target, consumed, remaining
    [1000, 1000, 0.999, 0, 1],
    [999, 1000, 0.999, 1, 0],
    [9995, 10000, 0.999, 0.5, 0.5],
    [980, 1000, 0.999, 20, -19],
    [990, 1000, 0.99, 1, 0],
    [950, 1000, 0.95, 1, 0],
    [0, 10, 0.9, 10, -9],
  ])('%i good of %i against %s spends %s of the budget, leaving %s', (good, total, target, consumed, remaining) => {
    const budget = errorBudget(eventCounts({ good }, total), target)!;
    expect(budget.consumed).toBeCloseTo(consumed, 9);
    expect(budget.remaining).toBeCloseTo(remaining, 9);
    expect(budget.total).toBeCloseTo(1 - target, 12);
    expect(budget.allowedBadEvents).toBeCloseTo(total * (1 - target), 9);
    expect(budget.badEvents).toBe(total - good);
  });

  it('counts bad numerators the same way as good ones', () => {
    expect(eventCounts({ bad: 20 }, 1000)).toEqual({ good: 980, bad: 20, total: 1000 });
    expect(eventCounts({ good: 980 }, 1000)).toEqual({ good: 980, bad: 20, total: 1000 });
  });

  it('has no budget and no bad fraction without events: 0/0 is no data, never a pass', () => {
    expect(errorBudget({ good: 0, bad: 0, total: 0 }, 0.999)).toBeUndefined();
    expect(badFraction({ good: 0, bad: 0, total: 0 })).toBeUndefined();
  });

  it('clamps a bad fraction that extrapolation pushed outside 0..1', () => {
    expect(badFraction({ good: -1, bad: 101, total: 100 })).toBe(1);
    expect(badFraction({ good: 101, bad: -1, total: 100 })).toBe(0);
  });
});

describe('burn rate', () => {
  it.each([
    [0.001, 0.999, 1],
    [0.0144, 0.999, 14.4],
    [0.02, 0.999, 20],
    [0.02, 0.99, 2],
    [0, 0.999, 0],
    [0.05, 0.95, 1],
  ])('a bad ratio of %s against %s burns at %s', (bad, target, rate) => {
    expect(burnRate(bad, target)).toBeCloseTo(rate, 9);
  });

  it.each([
    [15, 15, 14.4, true],
    [15, 14, 14.4, false],
    [14.4, 20, 14.4, false],
    [undefined, 20, 14.4, false],
    [7, 6.1, 6, true],
  ])('long %s and short %s against factor %s fires: %s', (long, short, factor, fires) => {
    expect(pairFires(long, short, factor)).toBe(fires);
  });
});
