import { describe, expect, it } from 'vitest';
import { burnWindows, distinctWindows, parseWindowCatalog } from './windows.ts';

const summary = (days: number) => burnWindows(days).map((w) => `${w.severity}/${w.speed} ${w.longWindow}/${w.shortWindow} x${Number(w.factor.toFixed(4))}`);

describe('burn windows', () => {
  it('gives the Google SRE / Sloth pairs for a 30-day SLO: 1h/5m 14.4, 6h/30m 6, 1d/2h 3, 3d/6h 1', () => {
    expect(summary(30)).toEqual(['page/quick 1h/5m x14.4', 'page/slow 6h/30m x6', 'ticket/quick 1d/2h x3', 'ticket/slow 3d/6h x1']);
  });

  it("uses Sloth's 28-day catalog as is (same windows, factors scaled by the period)", () => {
    expect(summary(28)).toEqual(['page/quick 1h/5m x13.44', 'page/slow 6h/30m x5.6', 'ticket/quick 1d/2h x2.8', 'ticket/slow 3d/6h x0.9333']);
  });

  it('derives other periods by scaling the 30-day windows, which keeps the factors', () => {
    expect(summary(7)).toEqual(['page/quick 14m/70s x14.4', 'page/slow 84m/7m x6', 'ticket/quick 336m/28m x3', 'ticket/slow 1008m/84m x1']);
    expect(summary(1)).toEqual(['page/quick 2m/10s x14.4', 'page/slow 12m/1m x6', 'ticket/quick 48m/4m x3', 'ticket/slow 144m/12m x1']);
  });

  it('lists each distinct window once, shortest first', () => {
    expect(distinctWindows(burnWindows(30)).map((w) => w.text)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d']);
  });

  it('rejects a malformed window catalog naming the field', () => {
    expect(() => parseWindowCatalog('sloPeriod: 30d\npage: {quick: {errorBudgetPercent: 2, shortWindow: five, longWindow: 1h}, slow: {errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h}}\nticket: {}\n', 'w.yaml'))
      .toThrow(expect.objectContaining({ details: expect.arrayContaining([expect.stringMatching(/^w\.yaml: page\.quick\.shortWindow: /)]) }));
  });
});
