import type { Analysis } from '../analyzer/analysis.ts';
import { coarseHistogram, percentileMs } from '../analyzer/histogram.ts';

/**
 * Sliding windows of `seconds` whole seconds over the run, each with its own merged histogram: the
 * unit of "sustained" in the stress analysis. Pure data out, so the detection is table-testable.
 */
export interface WindowStat {
  /** Unix second the window starts at. */
  readonly start: number;
  readonly seconds: number;
  readonly requests: number;
  /** Achieved requests per second over the window. */
  readonly rps: number;
  readonly errorRate: number;
  readonly rateLimitedFraction: number;
  /** Dropped iterations / (requests + dropped): demand the generator could not send. */
  readonly droppedFraction: number;
  readonly p95: number | null;
  readonly vusMax: number;
  /** What the schedule offered over the window (req/s), when known. */
  readonly offeredRps?: number;
}

export function slidingWindows(a: Analysis, seconds: number): WindowStat[] {
  // Only the seconds that saw traffic or demand: the silent edges (setup, k6's last gauge) are not the system.
  const keys = [...a.seconds].filter(([, b]) => b.count > 0 || b.dropped > 0).map(([t]) => t);
  if (keys.length === 0) return [];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const out: WindowStat[] = [];
  for (let start = first; start + seconds - 1 <= last; start += 1) out.push(windowAt(a, start, seconds));
  return out;
}

/** One window: the seconds [start, start + seconds) merged (counts added, histograms merged). */
export function windowAt(a: Analysis, start: number, seconds: number): WindowStat {
  const hist = coarseHistogram();
  let requests = 0;
  let errors = 0;
  let limited = 0;
  let dropped = 0;
  let vusMax = 0;
  for (let t = start; t < start + seconds; t += 1) {
    const b = a.seconds.get(t);
    if (!b) continue;
    requests += b.count;
    errors += b.errors;
    limited += b.rateLimited;
    dropped += b.dropped;
    vusMax = Math.max(vusMax, b.vusMax);
    hist.add(b.hist);
  }
  return {
    start,
    seconds,
    requests,
    rps: requests / seconds,
    errorRate: requests ? errors / requests : 0,
    rateLimitedFraction: requests ? limited / requests : 0,
    droppedFraction: requests + dropped ? dropped / (requests + dropped) : 0,
    p95: percentileMs(hist, 95),
    vusMax,
  };
}
