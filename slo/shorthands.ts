import type { ResolvedSlos } from '../core/catalog/resolve.ts';
import { ObjectiveSchema, type CatalogObjective, type CatalogObjectiveInput, type MetricConventions } from '../core/catalog/slo-schema.ts';
import { shorthandTemplates } from './queries.ts';

/**
 * The seeds' SLO table as sugar (pure): `availability`, `errorRate`, `latencyP95Ms` and
 * `latencyP99Ms` expand into catalog objectives over the catalog's request counter and duration
 * histogram: availability and error rate are ratios of 5xx answers, p95/p99 are thresholds whose
 * error budget counts requests faster than the bound. Availability, error rate and p95 are key.
 */
export function shorthandObjectives(slos: ResolvedSlos, metrics: Pick<MetricConventions, 'requests' | 'duration'>): CatalogObjective[] {
  const t = shorthandTemplates(metrics);
  const latency = (name: string, quantile: number, boundMs: number, key: boolean): CatalogObjectiveInput => ({
    name,
    description: `p${Math.round(quantile * 100)} request latency below ${boundMs} ms`,
    threshold: {
      query: t.latencyQuantile(quantile), op: '<', value: boundMs / 1000, unit: 'seconds',
      budget: { good: t.fasterThan(boundMs / 1000), total: t.observations, target: quantile },
    },
    relative: ['<=+10%'],
    key,
  });
  const inputs: CatalogObjectiveInput[] = [
    {
      name: 'availability', key: true, description: `non-5xx responses at least ${slos.availability * 100}%`,
      ratio: { bad: t.requests5xx, total: t.requestsTotal, target: slos.availability },
    },
    {
      name: 'error-rate', key: true, description: `5xx responses below ${slos.errorRate * 100}%`,
      ratio: { bad: t.requests5xx, total: t.requestsTotal, target: 1 - slos.errorRate, display: 'bad-ratio' },
    },
    latency('latency-p95', 0.95, slos.latencyP95Ms, true),
    latency('latency-p99', 0.99, slos.latencyP99Ms, false),
  ];
  return inputs.map((input) => ObjectiveSchema.parse(input));
}
