import type { StressCriteria } from '../data.ts';
import type { WindowStat } from './windows.ts';

/**
 * The breaking point: the highest request rate sustained over a whole window while the error rate
 * stays under the SLO (1%) and p95 under the SLO (500 ms), with the generator sending (almost) all
 * it should: few iterations dropped, and the achieved rate close to the offered one. The break is the first window after that one that fails the criteria.
 */
export function windowProblems(w: WindowStat, c: StressCriteria): string[] {
  const problems: string[] = [];
  if (w.requests === 0) problems.push('no request completed');
  if (w.errorRate >= c.maxErrorRate) problems.push(`error rate ${(w.errorRate * 100).toFixed(2)}% >= ${c.maxErrorRate * 100}%`);
  if (w.p95 !== null && w.p95 >= c.maxP95Ms) problems.push(`p95 ${w.p95.toFixed(0)} ms >= ${c.maxP95Ms} ms`);
  if (w.droppedFraction >= c.maxDroppedFraction) problems.push(`${(w.droppedFraction * 100).toFixed(1)}% of iterations dropped`);
  if (w.rateLimitedFraction >= c.maxDroppedFraction) problems.push(`${(w.rateLimitedFraction * 100).toFixed(1)}% rate-limited (429)`);
  if (fellShort(w, c)) problems.push(`achieved ${w.rps.toFixed(0)} of the ${w.offeredRps!.toFixed(0)} req/s offered`);
  return problems;
}

/** The window sent (well) less than the schedule offered: the rate was not sustained. */
export function fellShort(w: WindowStat, c: StressCriteria): boolean {
  return c.maxShortfall !== undefined && w.offeredRps !== undefined && w.offeredRps > 0 && w.rps < w.offeredRps * (1 - c.maxShortfall);
}

export const isHealthy = (w: WindowStat, c: StressCriteria): boolean => windowProblems(w, c).length === 0;

export interface BreakingPoint {
  /** Highest healthy sustained req/s, or null when no window was healthy. */
  readonly sustainedRps: number | null;
  readonly bestWindow: WindowStat | undefined;
  /** The first unhealthy window after the best one; undefined = it never broke. */
  readonly breakWindow: WindowStat | undefined;
  readonly breakProblems: readonly string[];
}

export function findBreakingPoint(windows: readonly WindowStat[], c: StressCriteria): BreakingPoint {
  let best: WindowStat | undefined;
  for (const w of windows) if (isHealthy(w, c) && (!best || w.rps > best.rps)) best = w;
  if (!best) {
    const first = windows[0];
    return { sustainedRps: null, bestWindow: undefined, breakWindow: first, breakProblems: first ? windowProblems(first, c) : ['no data'] };
  }
  const breakWindow = windows.find((w) => w.start > best.start && !isHealthy(w, c));
  return { sustainedRps: best.rps, bestWindow: best, breakWindow, breakProblems: breakWindow ? windowProblems(breakWindow, c) : [] };
}
