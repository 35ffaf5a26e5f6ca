import { describe, expect, it } from 'vitest';
import { lastFall, offeredSchedule, rateAt } from './schedule.ts';

const inspect = {
  scenarios: {
    steps: {
      executor: 'ramping-arrival-rate', exec: 'step', startRate: 50, timeUnit: '1s',
      stages: [{ duration: '20s', target: 1000 }, { duration: '2s', target: 1000 }, { duration: '1s', target: 100 }, { duration: '15s', target: 100 }],
    },
  },
};

describe('the offered-load schedule', () => {
  it('follows the stages k6 resolved, in requests per second', () => {
    const points = offeredSchedule(inspect, () => 1);
    expect(points.map((p) => [p.t, p.rps])).toEqual([[0, 50], [20, 1000], [22, 1000], [23, 100], [38, 100]]);
    expect(rateAt(points, 10)).toBeCloseTo(525);
    expect(rateAt(points, 40)).toBe(0);
  });

  it('finds where the load falls back', () => {
    expect(lastFall(offeredSchedule(inspect, () => 1))).toEqual({ from: 22, to: 23, toRps: 100 });
  });

  it('turns journey iterations per minute into requests per second and sums scenarios', () => {
    const points = offeredSchedule({
      scenarios: {
        browse: { executor: 'constant-arrival-rate', exec: 'browse', rate: 600, timeUnit: '1m0s', duration: '10s' },
        sequence: { executor: 'constant-arrival-rate', exec: 'sequence', rate: 60, timeUnit: '1m', duration: '10s' },
      },
    }, (exec) => (exec === 'browse' ? 2 : 4));
    expect(rateAt(points, 5)).toBeCloseTo(24);
    expect(lastFall(points)).toBeUndefined();
  });
});
