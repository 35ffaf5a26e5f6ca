import type { ResolvedCatalog, ResolvedService } from '../../../core/catalog/resolve.ts';
import { ConfigError } from '../../../core/errors.ts';
import type { ThresholdSpec } from './spec.ts';

/**
 * Thresholds from the catalog's SLOs, the one source of truth: per loaded service and overall, p95
 * and p99 latency and error rate; plus dropped_iterations for arrival-rate scenarios. "Overall" is
 * the entry service's SLO (the gateway every journey goes through); without an entry (the endpoints
 * scenario alone) every request is judged by its own service's SLOs only. Only the services the run
 * sends requests to get thresholds: one for a service nobody calls would select nothing.
 */
export type ThresholdSet = 'full' | 'errors-only' | 'none';

export interface GenerateOptions {
  /** The service whose SLOs apply to all requests together (the gateway), if any. */
  readonly entryService: string | undefined;
  /** The services the run sends requests to (load-shape.ts): each gets its thresholds. */
  readonly loaded: readonly string[];
  /** Which thresholds the scenario judges by: full (smoke-load, load, soak), errors-only (spike), none (stress). */
  readonly set: ThresholdSet;
  readonly droppedIterationsMax: number;
}

function sloSpecs(svc: ResolvedService, service: string | undefined, set: ThresholdSet): ThresholdSpec[] {
  const from = (field: string) => `catalog: ${svc.service.id} ${field}`;
  const errors: ThresholdSpec = { metric: 'http_req_failed', service, stat: 'rate', op: '<', value: svc.slos.errorRate, source: from('errorRate') };
  if (set === 'errors-only') return [errors];
  return [
    { metric: 'http_req_duration', service, stat: 'p(95)', op: '<', value: svc.slos.latencyP95Ms, source: from('latencyP95Ms') },
    { metric: 'http_req_duration', service, stat: 'p(99)', op: '<', value: svc.slos.latencyP99Ms, source: from('latencyP99Ms') },
    errors,
  ];
}

export function generateThresholds(resolved: ResolvedCatalog, options: GenerateOptions): ThresholdSpec[] {
  if (options.set === 'none') return [];
  const entry = options.entryService === undefined ? undefined : resolved.services.find((s) => s.service.id === options.entryService);
  if (options.entryService !== undefined && !entry) throw new ConfigError(`catalog: no service "${options.entryService}" to take the overall load SLOs from`);
  const perService = resolved.services
    .filter((s) => s.service.kind === 'http' && options.loaded.includes(s.service.id))
    .flatMap((s) => sloSpecs(s, s.service.id, options.set));
  const dropped: ThresholdSpec = {
    metric: 'dropped_iterations',
    service: undefined,
    stat: 'count',
    op: '<=',
    value: options.droppedIterationsMax,
    source: 'load settings: droppedIterationsMax (the generator must keep up)',
  };
  return [...(entry ? sloSpecs(entry, undefined, options.set) : []), ...perService, dropped];
}
