/**
 * A threshold in structured form: rendered into k6's `options.thresholds` and evaluated by the
 * runner against the merged results, so both judge the same rule.
 */
export type ThresholdMetric = 'http_req_duration' | 'http_req_failed' | 'dropped_iterations';
export type ThresholdStat = 'p(95)' | 'p(99)' | 'rate' | 'count';

export interface ThresholdSpec {
  readonly metric: ThresholdMetric;
  /** Submetric selector `{service:<id>}`; undefined = every request. */
  readonly service: string | undefined;
  readonly stat: ThresholdStat;
  readonly op: '<' | '<=';
  readonly value: number;
  /** Where the limit came from, e.g. `catalog: sample-service latencyP95Ms`. */
  readonly source: string;
}

export function thresholdKey(spec: Pick<ThresholdSpec, 'metric' | 'service'>): string {
  return spec.service === undefined ? spec.metric : `${spec.metric}{service:${spec.service}}`;
}

export function thresholdExpression(spec: Pick<ThresholdSpec, 'stat' | 'op' | 'value'>): string {
  return `${spec.stat}${spec.op}${spec.value}`;
}

/** k6's `options.thresholds` shape: metric (with submetric selector) -> expressions. */
export function renderK6Thresholds(specs: readonly ThresholdSpec[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const spec of specs) (out[thresholdKey(spec)] ??= []).push(thresholdExpression(spec));
  return out;
}

/** Human words for a threshold: `p95 < 500 ms`, `error rate < 1%`, `dropped iterations <= 0`. */
export function describeThreshold(spec: Pick<ThresholdSpec, 'stat' | 'op' | 'value'>): string {
  if (spec.stat === 'rate') return `error rate ${spec.op} ${+(spec.value * 100).toFixed(3)}%`;
  if (spec.stat === 'count') return `dropped iterations ${spec.op} ${spec.value}`;
  return `${spec.stat.replace(/[()]/g, '')} ${spec.op} ${spec.value} ms`;
}
