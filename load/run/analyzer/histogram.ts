import * as hdr from 'hdr-histogram-js';

/**
 * Latency histograms (hdr-histogram-js), recorded in microseconds. Whole-run histograms (per endpoint)
 * keep 3 significant digits (0.1%); per-second histograms keep 2 (1%), packed, so a long run stays
 * small. Merged by adding counts, never by averaging percentiles. Percentiles are read the way k6
 * computes them (linear interpolation between the ranks around p x (n - 1)), so they agree with k6's
 * end-of-test summary to the histogram's resolution.
 */
export type Histogram = hdr.JsHistogram;

/** (lowest, highest, digits); autoResize lets `highest` grow as values come. */
function resizing(h: Histogram): Histogram {
  h.autoResize = true;
  return h;
}

export function fineHistogram(): Histogram {
  return resizing(new hdr.Int32Histogram(1, 2, 3));
}

export function coarseHistogram(): Histogram {
  return resizing(new hdr.PackedHistogram(1, 2, 2));
}

export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(0, Math.round(ms * 1000)));
}

/** Values (in histogram units) at 0-based ranks `lo` <= `hi`, each its bucket's median value. */
function valuesAtRanks(h: Histogram, lo: number, hi: number): [number, number] {
  let seen = 0;
  let vlo = Number.NaN;
  for (let i = 0; i < h.countsArrayLength; i += 1) {
    const c = h.getCountAtIndex(i);
    if (c === 0) continue;
    seen += c;
    if (Number.isNaN(vlo) && seen > lo) vlo = h.medianEquivalentValue(h.valueFromIndex(i));
    if (seen > hi) return [vlo, h.medianEquivalentValue(h.valueFromIndex(i))];
  }
  return [vlo, vlo];
}

/** The `p`th percentile in milliseconds, or null for an empty histogram. */
export function percentileMs(h: Histogram, p: number): number | null {
  const n = h.totalCount;
  if (n === 0) return null;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const [vlo, vhi] = valuesAtRanks(h, lo, Math.ceil(rank));
  return (vlo + (vhi - vlo) * (rank - lo)) / 1000;
}

/** A fresh fine histogram holding the sum of `parts`. */
export function mergeHistograms(parts: Iterable<Histogram>): Histogram {
  const out = fineHistogram();
  for (const part of parts) out.add(part);
  return out;
}
