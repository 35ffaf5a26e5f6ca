import type { Comparison, RegressionCheck, RegressionMetric } from '../data.ts';
import type { LoadSummary } from '../analyzer/summary-schema.ts';
import type { Baseline } from './baseline-schema.ts';
import { limitFor, meets, type Criterion } from './criteria.ts';

/**
 * Compares a run with a stored baseline, endpoint by endpoint: p95 (ms), throughput (req/s) and
 * error rate (in %, so `<=+0.5` means half a percentage point). A p95 rise under `minP95DeltaMs`
 * is noise between runs on a fast endpoint (12 ms -> 15 ms is +25%), never a regression. Endpoints with too few requests on
 * either side are listed, not judged: a p95 of 20 samples says little.
 */
export interface Tolerances {
  readonly p95: Criterion;
  readonly throughput: Criterion;
  readonly errorRate: Criterion;
  /** A p95 rise smaller than this (ms) is noise, never a regression (default 0). */
  readonly minP95DeltaMs?: number;
}

export function compareWithBaseline(baseline: Baseline, summary: LoadSummary, tolerances: Tolerances, minRequests: number): Comparison {
  const checks: RegressionCheck[] = [];
  const missing: string[] = [];
  const tooFew: string[] = [];
  for (const base of baseline.endpoints) {
    const now = summary.endpoints.find((e) => e.service === base.service && e.endpoint === base.endpoint);
    const name = `${base.service} ${base.endpoint}`;
    if (!now || now.requests === 0) {
      missing.push(name);
      continue;
    }
    if (base.requests < minRequests || now.requests < minRequests) {
      tooFew.push(`${name} (${Math.min(base.requests, now.requests)} requests)`);
      continue;
    }
    const add = (metric: RegressionMetric, unit: RegressionCheck['unit'], c: Criterion, b: number | null, cur: number | null) => {
      if (b === null || cur === null) return;
      const noise = metric === 'p95' && cur - b < (tolerances.minP95DeltaMs ?? 0);
      checks.push({ service: base.service, endpoint: base.endpoint, metric, unit, baseline: b, current: cur, limit: limitFor(c, b), criterion: c.text, ok: noise || meets(c, b, cur) });
    };
    add('p95', 'ms', tolerances.p95, base.p95, now.latency.p95);
    add('throughput', 'req/s', tolerances.throughput, base.rps, now.rps);
    add('errorRate', '%', tolerances.errorRate, base.errorRate * 100, now.errorRate * 100);
  }
  return { checks, missing, tooFew };
}

/** One line per failed comparison: `sample-service create-sample p95 612 ms vs baseline 480 ms (limit <=+10% = 528 ms)`. */
export function describeRegression(c: RegressionCheck): string {
  const f = (n: number) => (c.unit === '%' ? n.toFixed(2) : n.toFixed(c.unit === 'ms' ? 1 : 1));
  return `${c.service} ${c.endpoint} ${c.metric} ${f(c.current)} ${c.unit} vs baseline ${f(c.baseline)} ${c.unit} (limit ${c.criterion} = ${f(c.limit)} ${c.unit})`;
}
