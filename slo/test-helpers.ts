import { SloSchema, type Slo, type SloInput } from './model.ts';
import type { QueryResult } from './prom/result.ts';

/** Small builders shared by the SLO unit tests. */

export function ratioSlo(overrides: Partial<SloInput> = {}): Slo {
  return SloSchema.parse({
    id: 'svc:availability', service: 'svc', name: 'availability', key: true,
    sli: { kind: 'ratio', bad: 'sum(increase(bad[{{window}}]))', total: 'sum(increase(total[{{window}}]))' },
    objective: 0.999, ...overrides,
  });
}

export function thresholdSlo(overrides: Partial<SloInput> = {}): Slo {
  return SloSchema.parse({
    id: 'svc:latency-p95', service: 'svc', name: 'latency-p95', key: true, relative: ['<=+10%'],
    sli: { kind: 'threshold', query: 'p95[{{window}}]', op: '<', unit: 'seconds', budget: { good: 'sum(increase(fast[{{window}}]))', total: 'sum(increase(all[{{window}}]))', target: 0.95 } },
    objective: 0.5, ...overrides,
  });
}

export const value = (v: number, labels: Record<string, string> = {}): QueryResult => ({ ok: true, samples: [{ labels, value: v }], warnings: [] });
export const empty: QueryResult = { ok: true, samples: [], warnings: [] };

/** A lookup answering by the metric name inside the expression, e.g. `bad[5m]` -> answers.bad. */
export function byMetric(answers: Record<string, QueryResult>): (expr: string) => QueryResult | undefined {
  return (expr) => {
    if (expr.includes(' / (')) return answers['ratio'] ?? value(0);
    const name = /\b([a-z0-9_]+)\[/.exec(expr)?.[1];
    return name ? answers[name] : undefined;
  };
}
