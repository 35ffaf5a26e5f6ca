import type { LoadSummary, RequestStats } from '../analyzer/summary-schema.ts';
import type { ThresholdSpec } from './spec.ts';

/**
 * Judges each threshold against the merged results (all instances' samples together). A per-service
 * threshold whose service got no request is `unmeasured`, never a pass.
 */
export interface ThresholdResult {
  readonly spec: ThresholdSpec;
  /** The measured value (ms, fraction or count), or null when nothing was measured. */
  readonly observed: number | null;
  readonly verdict: 'pass' | 'fail' | 'unmeasured';
}

function statsFor(summary: LoadSummary, service: string | undefined): RequestStats | undefined {
  if (service === undefined) return summary.overall.requests > 0 ? summary.overall : undefined;
  return summary.services.find((s) => s.service === service);
}

export function observe(spec: ThresholdSpec, summary: LoadSummary): number | null {
  if (spec.metric === 'dropped_iterations') return summary.droppedIterations;
  const stats = statsFor(summary, spec.service);
  if (!stats || stats.requests === 0) return null;
  if (spec.stat === 'rate') return stats.errorRate;
  return spec.stat === 'p(95)' ? stats.latency.p95 : stats.latency.p99;
}

export function holds(spec: Pick<ThresholdSpec, 'op' | 'value'>, observed: number): boolean {
  return spec.op === '<' ? observed < spec.value : observed <= spec.value;
}

export function evaluateThresholds(specs: readonly ThresholdSpec[], summary: LoadSummary): ThresholdResult[] {
  return specs.map((spec) => {
    const observed = observe(spec, summary);
    if (observed === null) return { spec, observed, verdict: 'unmeasured' };
    return { spec, observed, verdict: holds(spec, observed) ? 'pass' : 'fail' };
  });
}
