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

/**
 * The given percentiles in milliseconds (null for an empty histogram), in one walk over the counts:
 * for each, the values at the ranks around p x (n - 1), each its bucket's median, interpolated.
 */
export function percentilesMs(h: Histogram, ps: readonly number[]): (number | null)[] {
  const n = h.totalCount;
  if (n === 0) return ps.map(() => null);
  const wants = ps.map((p) => {
    const rank = (p / 100) * (n - 1);
    return { rank, lo: Math.floor(rank), hi: Math.ceil(rank), vlo: Number.NaN, vhi: Number.NaN };
  });
  let seen = 0;
  let open = wants.length;
  for (let i = 0; i < h.countsArrayLength && open > 0; i += 1) {
    const c = h.getCountAtIndex(i);
    if (c === 0) continue;
    seen += c;
    const value = h.medianEquivalentValue(h.valueFromIndex(i));
    for (const w of wants) {
      if (Number.isNaN(w.vlo) && seen > w.lo) w.vlo = value;
      if (Number.isNaN(w.vhi) && seen > w.hi) {
        w.vhi = value;
        open -= 1;
      }
    }
  }
  return wants.map((w) => (w.vlo + (w.vhi - w.vlo) * (w.rank - w.lo)) / 1000);
}

/** The `p`th percentile in milliseconds, or null for an empty histogram. */
export function percentileMs(h: Histogram, p: number): number | null {
  return percentilesMs(h, [p])[0] ?? null;
}

/** A fresh fine histogram holding the sum of `parts`. */
export function mergeHistograms(parts: Iterable<Histogram>): Histogram {
  const out = fineHistogram();
  for (const part of parts) out.add(part);
  return out;
}
