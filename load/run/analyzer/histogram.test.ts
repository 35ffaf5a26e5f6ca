import { describe, expect, it } from 'vitest';
import { fineHistogram, mergeHistograms, percentileMs, percentilesMs, recordMs } from './histogram.ts';

/** k6's own percentile (metrics/sink.go TrendSink.P): linear interpolation at p x (n - 1). */
function k6Percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = (p / 100) * (sorted.length - 1);
  const lo = sorted[Math.floor(i)]!;
  const hi = sorted[Math.ceil(i)]!;
  return lo + (hi - lo) * (i - Math.floor(i));
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
}

describe('percentiles from hdr histograms', () => {
  it.each([50, 95, 99])('agree with k6 p(%d) within 0.2% on a long-tailed sample', (p) => {
    const rnd = lcg(p);
    const values = Array.from({ length: 5000 }, () => 2 + Math.exp(5 * rnd()) * (1 + rnd()));
    const h = fineHistogram();
    for (const v of values) recordMs(h, v);
    const exact = k6Percentile(values, p);
    expect(Math.abs(percentileMs(h, p)! - exact) / exact).toBeLessThan(0.002);
  });

  it('reads several percentiles in one walk, the same as one by one', () => {
    const rnd = lcg(7);
    const h = fineHistogram();
    for (let i = 0; i < 2000; i += 1) recordMs(h, 1 + 100 * rnd());
    expect(percentilesMs(h, [50, 95, 99])).toEqual([percentileMs(h, 50), percentileMs(h, 95), percentileMs(h, 99)]);
  });

  it('returns the only value of a one-sample histogram and null for an empty one', () => {
    const h = fineHistogram();
    expect(percentileMs(h, 95)).toBeNull();
    recordMs(h, 12.5);
    expect(percentileMs(h, 95)).toBeCloseTo(12.5, 2);
  });

  it('merges instances by adding counts, which is not the average of their percentiles', () => {
    const fast = fineHistogram();
    const slow = fineHistogram();
    for (let i = 0; i < 1000; i += 1) recordMs(fast, 10);
    for (let i = 0; i < 100; i += 1) recordMs(slow, 1000);
    const merged = mergeHistograms([fast, slow]);
    const exact = k6Percentile([...Array(1000).fill(10), ...Array(100).fill(1000)], 95);
    expect(merged.totalCount).toBe(1100);
    expect(percentileMs(merged, 95)).toBeCloseTo(exact, 0);
    const averaged = (percentileMs(fast, 95)! + percentileMs(slow, 95)!) / 2;
    expect(Math.abs(averaged - exact)).toBeGreaterThan(400);
  });
});
