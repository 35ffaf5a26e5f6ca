import type { Check, FailureKind } from './result.ts';

/**
 * What a failed check says about its service: nothing answered (unreachable), it answered wrongly
 * (unhealthy), or it answered rightly but over its latency budget (slow). A slow system is alive:
 * the suites that measure slowness (load, SLO) should still run on it.
 */
export type FailureClass = 'unreachable' | 'unhealthy' | 'slow';

/** Nothing answered at all (or the run was cut short before anything could). */
export const UNREACHABLE_KINDS: ReadonlySet<FailureKind> = new Set(['connection-refused', 'connection-reset', 'dns', 'tls', 'timeout', 'interrupted']);

/** The detail a check carries when it covered several replicas: some of them answered, so the service is not unreachable. */
export interface ReplicaTally {
  readonly healthy: number;
  readonly answered: number;
  readonly total: number;
}

export function failureClass(check: Pick<Check, 'failure' | 'detail'>): FailureClass {
  const kind = check.failure?.kind;
  if (kind === 'slow') return 'slow';
  const replicas = check.detail?.['replicas'] as ReplicaTally | undefined;
  if (kind !== undefined && UNREACHABLE_KINDS.has(kind) && !(replicas && replicas.answered > 0)) return 'unreachable';
  return 'unhealthy';
}

/** The services of the failed (or inconclusive) checks, by class, each service once under its worst class. */
export function classifyChecks(checks: readonly Check[]): Record<FailureClass, string[]> {
  const worst = new Map<string, FailureClass>();
  const rank: Record<FailureClass, number> = { unreachable: 3, unhealthy: 2, slow: 1 };
  for (const check of checks) {
    if (check.outcome !== 'fail' && check.outcome !== 'inconclusive') continue;
    const service = check.service ?? check.id;
    const cls = failureClass(check);
    const seen = worst.get(service);
    if (!seen || rank[cls] > rank[seen]) worst.set(service, cls);
  }
  const by: Record<FailureClass, string[]> = { unreachable: [], unhealthy: [], slow: [] };
  for (const [service, cls] of worst) by[cls].push(service);
  return by;
}
