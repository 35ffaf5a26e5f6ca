import type { Check } from '../../../core/result.ts';
import type { ThresholdResult } from '../thresholds/evaluate.ts';
import { describeThreshold, thresholdExpression, thresholdKey } from '../thresholds/spec.ts';

/**
 * One check per threshold. The runner's evaluation over the merged samples and k6's own verdict
 * (exact over the same samples with one instance; per segment with several) are both recorded, and
 * either one failing fails the check, so k6's exit 99 always fails the gate. Thresholds exist only
 * for the services the run sends requests to (thresholds/generate.ts), so one that measured nothing
 * is inconclusive, never dropped: a planned service that got no request was not checked.
 */
function format(value: number, stat: string): string {
  if (stat === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (stat === 'count') return String(value);
  return `${value.toFixed(1)} ms`;
}

export function thresholdChecks(results: readonly ThresholdResult[], k6: Map<string, Map<string, boolean>> | undefined): Check[] {
  return results
    .map((r): Check => {
      const key = thresholdKey(r.spec);
      const expr = thresholdExpression(r.spec);
      const k6Ok = k6?.get(key)?.get(expr);
      const who = r.spec.service ?? (r.spec.metric === 'dropped_iterations' ? 'load generator' : 'all requests');
      const words = describeThreshold(r.spec);
      const failed = r.verdict === 'fail' || k6Ok === false;
      const observed = r.observed === null ? 'no data' : format(r.observed, r.spec.stat);
      const base: Check = {
        id: `load/threshold/${key}/${expr}`,
        name: `${who}: ${words}`,
        ...(r.spec.service ? { service: r.spec.service } : {}),
        outcome: r.verdict === 'unmeasured' ? 'inconclusive' : failed ? 'fail' : 'pass',
        durationMs: 0,
        detail: { threshold: `${key} ${expr}`, observed: r.observed, k6Ok: k6Ok ?? null, source: r.spec.source },
      };
      if (r.verdict === 'unmeasured') return { ...base, failure: { kind: 'no-data', message: `${who}: no request measured, so ${words} was not checked` } };
      if (!failed) return base;
      const disagreement = r.verdict === 'pass' ? ' (k6 judged it crossed: in one instance\'s segment, or at the limit of the merged histogram)' : '';
      return {
        ...base,
        failure: {
          kind: 'threshold',
          message: `${who}: ${observed} breaches ${words}${disagreement} (k6 threshold ${key} ${expr}; ${r.spec.source})`,
        },
      };
    });
}
