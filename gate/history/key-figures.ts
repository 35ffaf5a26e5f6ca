import { suiteData, type SuiteResult, type SuiteResultOf } from '../../core/result.ts';
import type { KeyFigures } from './history-schema.ts';

/**
 * A run's key figures, read from its suite results through their schemas (pure): per-service p95
 * and p99 and the throughput of the steady load step (the first load step without a stress curve:
 * a deploy's load, a nightly's soak), the breaking point and recovery of the stress step, and the
 * lowest error budget left over the SLOs. `from` says which result each came from, so the trend's
 * checks go to the suite that measured the figure.
 */
export interface RunFigures {
  readonly figures: KeyFigures;
  readonly from: { readonly steady?: number; readonly stress?: number; readonly slo?: number };
}

const loadData = (r: SuiteResult) => (r.suite === 'load' && r.outcome !== 'skip' ? suiteData(r as SuiteResultOf<'load'>) : undefined);

export function keyFigures(results: readonly SuiteResult[]): RunFigures {
  const steady = results.findIndex((r) => { const d = loadData(r); return d !== undefined && d.overall.requests > 0 && !d.stress; });
  const stressAt = (scenario?: string) => results.findIndex((r) => { const d = loadData(r); return d?.stress !== undefined && (!scenario || d.scenario === scenario); });
  const stress = stressAt('stress') >= 0 ? stressAt('stress') : stressAt();
  const slo = results.findIndex((r) => r.suite === 'slo' && r.data !== undefined);
  const steadyData = steady >= 0 ? loadData(results[steady]!) : undefined;
  const table = stress >= 0 ? loadData(results[stress]!)?.stress?.table : undefined;
  const sloRows = slo >= 0 ? suiteData(results[slo] as SuiteResultOf<'slo'>)?.slos ?? [] : [];
  const budgets = sloRows.flatMap((row) => (row.budgetRemaining === undefined ? [] : [row.budgetRemaining]));
  const services = Object.fromEntries((steadyData?.services ?? []).filter((s) => s.requests > 0).map((s) => [s.service, { p95: s.latency.p95, p99: s.latency.p99 }]));
  return {
    figures: {
      services,
      throughputRps: steadyData ? steadyData.overall.rps : null,
      breakingPointRps: table?.breakingPointRps ?? null,
      recoveryS: table?.recoveryTimeS ?? null,
      errorBudgetLeft: budgets.length > 0 ? Math.min(...budgets) : null,
    },
    from: { ...(steady >= 0 ? { steady } : {}), ...(stress >= 0 ? { stress } : {}), ...(budgets.length > 0 ? { slo } : {}) },
  };
}
