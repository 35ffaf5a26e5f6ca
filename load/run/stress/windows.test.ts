import { describe, expect, it } from 'vitest';
import { addSample, createAnalysis } from '../analyzer/analysis.ts';
import { slidingWindows } from './windows.ts';

const T0 = 1_800_000_000_000;

describe('sliding windows', () => {
  it('merge whole seconds of traffic and ignore the silent edges', () => {
    const a = createAnalysis();
    addSample(a, { metric: 'vus', timeMs: T0, value: 5, tags: {} });
    for (let s = 1; s <= 4; s += 1) {
      for (let i = 0; i < 10 * s; i += 1) {
        addSample(a, { metric: 'http_req_duration', timeMs: T0 + s * 1000 + i, value: s * 100, tags: { status: i === 0 ? '500' : '200', expected_response: i === 0 ? 'false' : 'true' } });
      }
    }
    addSample(a, { metric: 'dropped_iterations', timeMs: T0 + 4000, value: 3, tags: {} });
    addSample(a, { metric: 'vus', timeMs: T0 + 6000, value: 9, tags: {} });
    const windows = slidingWindows(a, 2);
    expect(windows.map((w) => w.start - T0 / 1000)).toEqual([1, 2, 3]);
    expect(windows[0]).toMatchObject({ requests: 30, rps: 15, errorRate: 2 / 30 });
    expect(windows[2]).toMatchObject({ requests: 70, droppedFraction: 3 / 73 });
    expect(windows[2]!.p95).toBeCloseTo(400, -1);
  });
});
