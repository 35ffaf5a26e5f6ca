import type { Outcome } from '../core/result.ts';
import type { SloEvaluation } from './judge.ts';
import type { ScoreThresholds } from './model.ts';

/**
 * The suite verdict over every SLO (pure), Keptn style: score = weighted pass (1) / warn (0.5) /
 * fail (0) in percent, over the SLOs that have data (missing data is inconclusive, not a failure). Any failed key SLO fails; a score under the warning threshold
 * fails; any SLO without data makes the verdict inconclusive (never a pass); a score under the
 * pass threshold, or any SLO warning, warns. A failed non-key SLO the score tolerates is reported
 * as a warning.
 */
export interface Verdict {
  readonly outcome: Outcome;
  readonly score: number | undefined;
  readonly reason: string;
  /** Failed non-key SLOs that the total score tolerates. */
  readonly tolerated: readonly string[];
}

export function totalScore(all: readonly SloEvaluation[]): number | undefined {
  const evaluations = all.filter((e) => e.outcome !== 'no-data');
  const weight = evaluations.reduce((a, e) => a + e.slo.weight, 0);
  if (weight === 0) return undefined;
  const got = evaluations.reduce((a, e) => a + e.slo.weight * (e.outcome === 'pass' ? 1 : e.outcome === 'warn' ? 0.5 : 0), 0);
  return (got / weight) * 100;
}

export function verdict(evaluations: readonly SloEvaluation[], thresholds: ScoreThresholds): Verdict {
  if (evaluations.length === 0) return { outcome: 'inconclusive', score: undefined, reason: 'no SLOs to evaluate', tolerated: [] };
  const score = totalScore(evaluations);
  const scoreText = score === undefined ? 'n/a' : `${score.toFixed(1)}%`;
  const noData = evaluations.filter((e) => e.outcome === 'no-data');
  if (noData.length === evaluations.length) {
    const allFailed = noData.every((e) => e.failureKind !== 'no-data');
    return { outcome: 'inconclusive', score: undefined, tolerated: [], reason: allFailed ? `every query failed (${noData[0]!.reason})` : `no data for any of the ${evaluations.length} SLOs` };
  }
  const failed = evaluations.filter((e) => e.outcome === 'fail');
  const keyFailed = failed.filter((e) => e.slo.key);
  if (keyFailed.length > 0) return { outcome: 'fail', score, tolerated: [], reason: `key SLO failed: ${keyFailed.map((e) => e.slo.id).join(', ')} (score ${scoreText})` };
  if (score !== undefined && score < thresholds.warning) return { outcome: 'fail', score, tolerated: [], reason: `total score ${scoreText} is below the warning threshold ${thresholds.warning}%` };
  const tolerated = failed.map((e) => e.slo.id);
  if (noData.length > 0) return { outcome: 'inconclusive', score, tolerated, reason: `no data for ${noData.length} SLO(s): ${noData.map((e) => e.slo.id).join(', ')}` };
  if (score !== undefined && score < thresholds.pass) return { outcome: 'warn', score, tolerated, reason: `total score ${scoreText} is below the pass threshold ${thresholds.pass}%` };
  if (tolerated.length > 0 || evaluations.some((e) => e.outcome === 'warn')) {
    return { outcome: 'warn', score, tolerated, reason: `score ${scoreText}; ${tolerated.length > 0 ? `non-key SLO(s) failed: ${tolerated.join(', ')}` : 'some SLOs warn'}` };
  }
  return { outcome: 'pass', score, tolerated, reason: `all ${evaluations.length} SLOs met (score ${scoreText})` };
}
