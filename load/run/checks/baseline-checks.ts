import type { Check } from '../../../core/result.ts';
import { describeRegression } from '../baseline/compare.ts';
import type { Comparison } from '../data.ts';

/** One check per compared endpoint metric; missing endpoints are a warning (the journeys changed?). */
export function baselineChecks(c: Comparison, file: string): Check[] {
  const checks: Check[] = c.checks.map((r) => ({
    id: `load/baseline/${r.service}/${r.endpoint}/${r.metric}`,
    name: `${r.service} ${r.endpoint}: ${r.metric} within ${r.criterion} of the baseline`,
    service: r.service,
    outcome: r.ok ? 'pass' : 'fail',
    durationMs: 0,
    detail: { baseline: r.baseline, current: r.current, limit: r.limit, unit: r.unit, criterion: r.criterion, file },
    ...(r.ok ? {} : { failure: { kind: 'regression' as const, message: `regression: ${describeRegression(r)}` } }),
  }));
  if (c.missing.length > 0) {
    checks.push({
      id: 'load/baseline/missing',
      name: 'every baseline endpoint was measured',
      outcome: 'warn',
      durationMs: 0,
      failure: { kind: 'coverage', message: `in the baseline but not measured now: ${c.missing.join(', ')}` },
    });
  }
  if (checks.length === 0) {
    checks.push({
      id: 'load/baseline/none',
      name: 'the run could be compared with the baseline',
      outcome: 'inconclusive',
      durationMs: 0,
      failure: { kind: 'no-data', message: `nothing to compare with ${file}: too few requests per endpoint (${c.tooFew.join(', ')})` },
    });
  }
  return checks;
}
