import type { ResolvedCatalog, ResolvedService } from '../core/catalog/resolve.ts';
import { SloSchema, type Slo, type SloInput } from './model.ts';
import {
  gaugeMax, histogramQuantile, observations, requests5xx, requestsTotal, fasterThan,
} from './queries.ts';

export interface CatalogSloOptions {
  /** The label that names the service on every series (the reference stack's `service`). */
  readonly serviceLabel?: string;
}

/**
 * The SLOs of one catalog service, with the seeds' table as defaults (resolveCatalog fills them):
 * availability and error rate (ratio SLIs over http_requests_total), p95/p99 latency (threshold
 * SLIs over http_request_duration_seconds, with "faster than the bound" as the good events of the budget),
 * sample processing p95 and queue depth where the service defines them. Availability, error rate
 * and p95 are key SLOs (Keptn): failing one fails the gate.
 */
export function serviceSlos(resolved: ResolvedService, options: CatalogSloOptions = {}): Slo[] {
  const { service, slos } = resolved;
  const labels = { [options.serviceLabel ?? 'service']: service.id };
  const base = { service: service.id, windowDays: slos.windowDays };
  const latency = (name: string, quantile: number, boundMs: number, key: boolean): SloInput => ({
    ...base,
    id: `${service.id}:${name}`,
    name,
    description: `p${Math.round(quantile * 100)} request latency below ${boundMs} ms`,
    sli: {
      kind: 'threshold',
      query: histogramQuantile('http_request_duration_seconds', quantile, labels),
      op: '<',
      unit: 'seconds',
      budget: { good: fasterThan('http_request_duration_seconds', boundMs / 1000, labels), total: observations('http_request_duration_seconds', labels), target: quantile },
    },
    objective: boundMs / 1000,
    relative: ['<=+10%'],
    key,
  });
  const inputs: SloInput[] = [
    {
      ...base, id: `${service.id}:availability`, name: 'availability', key: true,
      description: `non-5xx responses at least ${slos.availability * 100}%`,
      sli: { kind: 'ratio', bad: requests5xx(labels), total: requestsTotal(labels) },
      objective: slos.availability,
    },
    {
      ...base, id: `${service.id}:error-rate`, name: 'error-rate', key: true, display: 'bad-ratio',
      description: `5xx responses below ${slos.errorRate * 100}%`,
      sli: { kind: 'ratio', bad: requests5xx(labels), total: requestsTotal(labels) },
      objective: 1 - slos.errorRate,
    },
    latency('latency-p95', 0.95, slos.latencyP95Ms, true),
    latency('latency-p99', 0.99, slos.latencyP99Ms, false),
  ];
  if (slos.sampleProcessingP95Seconds !== undefined) {
    const bound = slos.sampleProcessingP95Seconds;
    inputs.push({
      ...base, id: `${service.id}:sample-processing-p95`, name: 'sample-processing-p95',
      description: `p95 sample processing below ${bound} s`,
      sli: {
        kind: 'threshold', query: histogramQuantile('sample_processing_duration_seconds', 0.95, labels, false), op: '<', unit: 'seconds',
        budget: { good: fasterThan('sample_processing_duration_seconds', bound, labels, false), total: observations('sample_processing_duration_seconds', labels, false), target: 0.95 },
      },
      objective: bound,
    });
  }
  if (slos.queueDepthMax !== undefined) {
    inputs.push({
      ...base, id: `${service.id}:queue-depth`, name: 'queue-depth',
      description: `sequencing queue depth below ${slos.queueDepthMax}`,
      sli: { kind: 'threshold', query: gaugeMax('sequencing_queue_depth', labels), op: '<', unit: 'count' },
      objective: slos.queueDepthMax,
    });
  }
  return inputs.map((input) => SloSchema.parse(input));
}

/** Every http service's SLOs, in catalog order. */
export function catalogSlos(resolved: ResolvedCatalog, options: CatalogSloOptions = {}): Slo[] {
  return resolved.services.filter((s) => s.service.kind === 'http').flatMap((s) => serviceSlos(s, options));
}
