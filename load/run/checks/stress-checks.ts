import type { Check } from '../../../core/result.ts';
import type { StressTable } from '../data.ts';
import { formatStressTable, tableInconsistencies } from '../stress/stress-table.ts';

/**
 * Stress verdicts from the computed table: the system must sustain the expected load within the
 * SLOs (breaking point >= expected; stress only, a spike does not climb), must recover once the
 * load falls back, and the table's figures must agree with each other.
 */
export function stressChecks(t: StressTable, expectedRps: number, judgeBreakingPoint: boolean): Check[] {
  const table = formatStressTable(t);
  const bp = t.breakingPointRps;
  const expected = expectedRps.toLocaleString('en-US');
  const breaking: Check = {
    id: 'load/stress/breaking-point',
    name: `sustains the expected load (${expected} req/s) within the SLOs`,
    outcome: bp !== null && bp >= expectedRps ? 'pass' : t.broke ? 'fail' : 'inconclusive',
    durationMs: 0,
    detail: { breakingPointRps: bp, expectedRps, table },
  };
  if (breaking.outcome === 'fail') {
    breaking.failure = {
      kind: 'threshold',
      message: bp === null
        ? `unhealthy from the lowest rate (${t.breakReasons.join('; ')})`
        : `breaks at ${Math.round(bp).toLocaleString('en-US')} req/s, below the expected ${expected} req/s (${t.breakReasons.join('; ')})`,
    };
  } else if (breaking.outcome === 'inconclusive') {
    breaking.failure = { kind: 'no-data', message: `held ${Math.round(bp ?? 0).toLocaleString('en-US')} req/s without breaking, but the ceiling is below the expected ${expected} req/s: raise --rate` };
  }
  const checks: Check[] = judgeBreakingPoint ? [breaking] : [];
  checks.push({
    id: 'load/stress/recovery',
    name: 'recovers after the load falls back',
    outcome: t.recovered ? 'pass' : 'fail',
    durationMs: 0,
    detail: { recoveryTimeS: t.recoveryTimeS },
    ...(t.recovered ? {} : { failure: { kind: 'threshold' as const, message: 'still unhealthy at the end of the test after the load fell back' } }),
  });
  const problems = tableInconsistencies(t);
  checks.push({
    id: 'load/stress/consistency',
    name: 'stress figures agree with each other',
    outcome: problems.length === 0 ? 'pass' : 'fail',
    durationMs: 0,
    detail: { problems },
    ...(problems.length ? { failure: { kind: 'internal' as const, message: problems.join('; ') } } : {}),
  });
  return checks;
}
