import { describe, expect, it } from 'vitest';
import { sloWindow } from './slo-window.ts';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('the SLO window of a gate run', () => {
  it('covers the whole run, from the first suite to now, rounded up to whole seconds', () => {
    expect(sloWindow({ window: 'run', compareWith: 0, relativeNoiseMs: 25 }, { gateStart: t(0), now: new Date(t(95).getTime() + 200) }))
      .toEqual({ windowMs: 96_000, at: new Date(t(95).getTime() + 200), fromRun: true, endsNow: true, compareWith: 0, relativeNoiseMs: 25 });
  });

  it('ends where the first load step excluded from the SLOs began (the stress ramp)', () => {
    const w = sloWindow({ window: 'run', compareWith: 7, relativeNoiseMs: 25 }, { gateStart: t(0), now: t(200), excludedFrom: t(120) });
    expect(w).toEqual({ windowMs: 120_000, at: t(120), fromRun: true, endsNow: false, compareWith: 7, relativeNoiseMs: 25 });
  });

  it('is never shorter than 30 s, so rates have samples to work with', () => {
    expect(sloWindow({ window: 'run', compareWith: 0, relativeNoiseMs: 25 }, { gateStart: t(0), now: t(4) }).windowMs).toBe(30_000);
  });

  it('a fixed window ends now', () => {
    expect(sloWindow({ window: '1h', compareWith: 0, relativeNoiseMs: 25 }, { gateStart: t(0), now: t(10) })).toEqual({ windowMs: 3_600_000, at: t(10), fromRun: false, endsNow: true, compareWith: 0, relativeNoiseMs: 25 });
  });
});
