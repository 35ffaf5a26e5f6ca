import { withWindow } from '../queries.ts';

/**
 * Timeslice budgeting in PromQL (pure). The evaluation window is cut into `slice`-long slices
 * by a subquery (`[{{window}}:1m]`, aligned on the step); each slice's events are the SLI's own
 * templates over the slice. Slices without events (or without a value) are not counted. The
 * results are events for a ratio SLO: good slices (or the sum of slice ratios) over slices.
 *
 * - Timeslices, ratio: a slice is good when its good/total ratio is at least `sliceTarget`.
 * - Timeslices, threshold: a slice is good when the query over the slice meets `op value`.
 * - RatioTimeslices: the mean of the slices' good/total ratios.
 */
export interface SliceEvents {
  readonly good: string;
  readonly total: string;
}

interface Events { readonly good?: string | undefined; readonly bad?: string | undefined; readonly total: string }

/** OpenSLO's timeSliceWindow: minutes as a number, or a duration shorthand. */
export function sliceDuration(window: number | string): string {
  return typeof window === 'number' ? `${window}m` : window;
}

const over = (expr: string, slice: string) => `(${expr})[{{window}}:${slice}]`;

/** The slice's good/total ratio; absent good or bad events count as 0; slices without events have none. */
function sliceRatio(events: Events, slice: string): { ratio: string; hasEvents: string } {
  const total = withWindow(events.total, slice);
  const hasEvents = `${total} > 0`;
  const ratio = events.good !== undefined
    ? `(${withWindow(events.good, slice)} or vector(0)) / (${hasEvents})`
    : `1 - (${withWindow(events.bad!, slice)} or vector(0)) / (${hasEvents})`;
  return { ratio, hasEvents };
}

export function timeslices(events: Events, slice: string, sliceTarget: number): SliceEvents {
  const { ratio, hasEvents } = sliceRatio(events, slice);
  return { good: `sum_over_time(${over(`(${ratio}) >= bool ${sliceTarget}`, slice)})`, total: `count_over_time(${over(hasEvents, slice)})` };
}

export function ratioTimeslices(events: Events, slice: string): SliceEvents {
  const { ratio, hasEvents } = sliceRatio(events, slice);
  return { good: `sum_over_time(${over(ratio, slice)})`, total: `count_over_time(${over(hasEvents, slice)})` };
}

/** `op` as PromQL (`<`, `<=`, `>`, `>=`); a slice whose value is NaN (no observations) is not counted. */
export function thresholdTimeslices(query: string, op: string, value: number, slice: string): SliceEvents {
  const valued = `(${withWindow(query, slice)}) >= -Inf`;
  return { good: `sum_over_time(${over(`(${valued}) ${op} bool ${value}`, slice)})`, total: `count_over_time(${over(valued, slice)})` };
}
