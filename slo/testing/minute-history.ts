/**
 * A known request history as OpenMetrics text (timestamps in seconds, a sample every 15 s), for
 * backfilling Prometheus in the OpenSLO window tests. Up to `end - 60 min` every sample adds 100
 * requests, 20 of them 5xx. In the last hour, minute k (k = 1..60, the minute ending at
 * `end - 60 min + k`) is good (100 requests, no 5xx) unless k is a multiple of 5: then 20 requests,
 * 10 of them 5xx. A queue-depth gauge reads 150 in minutes that are multiples of 10, 20 otherwise.
 * Each sample's increase belongs to the minute the sample falls in, so per-minute counts are exact.
 */
export interface MinuteHistory {
  readonly openMetrics: string;
  /** Expected figures over the last hour. */
  readonly lastHour: { readonly total: number; readonly bad: number };
  readonly before: { readonly total: number; readonly bad: number };
}

const STEP_S = 15;

export function minuteHistory(endSeconds: number, hoursBefore = 2): MinuteHistory {
  if (endSeconds % 60 !== 0) throw new Error('the history ends on a whole minute');
  const hourStart = endSeconds - 3600;
  const first = hourStart - hoursBefore * 3600;
  const ok: string[] = [];
  const errors: string[] = [];
  const queue: string[] = [];
  let good = 1000;
  let bad = 1000;
  const lastHour = { total: 0, bad: 0 };
  const before = { total: 0, bad: 0 };
  for (let t = first; t <= endSeconds; t += STEP_S) {
    const minute = Math.ceil((t - hourStart) / 60);
    if (t > first) {
      const [g, b] = minute <= 0 ? [80, 20] : minute % 5 === 0 ? [10, 10] : [100, 0];
      good += g;
      bad += b;
      const into = minute <= 0 ? before : lastHour;
      into.total += g + b;
      into.bad += b;
    }
    ok.push(`demo_requests_total{service="demo",code="200"} ${good} ${t}`);
    errors.push(`demo_requests_total{service="demo",code="500"} ${bad} ${t}`);
    queue.push(`demo_queue_depth{service="demo"} ${minute > 0 && minute % 10 === 0 ? 150 : 20} ${t}`);
  }
  const openMetrics = [
    '# TYPE demo_requests counter', ...ok, ...errors,
    '# TYPE demo_queue_depth gauge', ...queue,
    '# EOF', '',
  ].join('\n');
  return { openMetrics, lastHour, before };
}
