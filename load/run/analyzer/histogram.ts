import * as hdr from 'hdr-histogram-js';

/**
 * Latency histograms (hdr-histogram-js), recorded in microseconds. Whole-run histograms (per endpoint)
 * keep 3 significant digits (0.1%), so their percentiles match k6's exact ones within 1%; per-second
 * histograms keep 2 (1%) in packed form so a long run stays small. Merged by adding counts, never by
 * averaging percentiles.
 */
export type Histogram = hdr.Histogram;

export function fineHistogram(): Histogram {
  return hdr.build({ bitBucketSize: 32, autoResize: true, numberOfSignificantValueDigits: 3 });
}

export function coarseHistogram(): Histogram {
  return hdr.build({ bitBucketSize: 'packed', autoResize: true, numberOfSignificantValueDigits: 2 });
}

export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(0, Math.round(ms * 1000)));
}

/** The `p`th percentile in milliseconds, or null for an empty histogram. */
export function percentileMs(h: Histogram, p: number): number | null {
  if (h.totalCount === 0) return null;
  return h.getValueAtPercentile(p) / 1000;
}

/** A fresh fine histogram holding the sum of `parts`. */
export function mergeHistograms(parts: Iterable<Histogram>): Histogram {
  const out = fineHistogram();
  for (const part of parts) out.add(part);
  return out;
}
