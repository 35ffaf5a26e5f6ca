import type { Check, Outcome } from '../core/result.ts';
import type { SloTableRow } from './data.ts';
import type { SloEvaluation } from './judge.ts';

/** Maps SLO evaluations to the result model's checks and to the report's SLO table rows (slo/data.ts; pure). */

function outcomeOf(e: SloEvaluation, tolerated: ReadonlySet<string>): Outcome {
  if (e.outcome === 'no-data') return 'inconclusive';
  if (e.outcome === 'fail' && tolerated.has(e.slo.id)) return 'warn';
  return e.outcome;
}

export function tableRow(e: SloEvaluation, tolerated: ReadonlySet<string>): SloTableRow {
  return {
    id: e.slo.id, name: e.slo.name, service: e.slo.service, key: e.slo.key, weight: e.slo.weight,
    objective: e.objectiveText, value: e.valueText, ...(e.value !== undefined && Number.isFinite(e.value) ? { rawValue: e.value } : {}),
    outcome: outcomeOf(e, tolerated), sloOutcome: e.outcome, reason: e.reason, window: e.window,
    ...(e.budget ? { budgetPeriod: e.budget.period, budgetTotal: e.budget.total, budgetConsumed: e.budget.consumed, budgetRemaining: e.budget.remaining } : {}),
    burn: e.burn, notes: e.notes,
  };
}

export function toCheck(e: SloEvaluation, tolerated: ReadonlySet<string>): Check {
  const outcome = outcomeOf(e, tolerated);
  const message = outcome === 'warn' && e.outcome === 'fail' ? `${e.reason} (non-key SLO; the total score tolerates it)` : e.reason;
  return {
    id: `slo.${e.slo.id}`,
    name: e.slo.name,
    service: e.slo.service,
    outcome,
    durationMs: 0,
    ...(outcome !== 'pass' ? { failure: { kind: e.failureKind ?? (e.outcome === 'warn' ? 'threshold' : 'slo-breach'), message } } : {}),
    detail: {
      value: e.valueText, objective: e.objectiveText, window: e.window, key: e.slo.key, weight: e.slo.weight,
      ...(e.budget ? { budget: { period: e.budget.period, total: e.budget.total, consumed: e.budget.consumed, remaining: e.budget.remaining } } : {}),
      ...(e.relative.length > 0 ? { relative: e.relative } : {}),
      ...(e.notes.length > 0 ? { notes: e.notes } : {}),
    },
  };
}
