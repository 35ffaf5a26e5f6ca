import { describe, expect, it } from 'vitest';
import type { SloEvaluation } from './judge.ts';
import { DEFAULT_THRESHOLDS } from './slo-file.ts';
import { totalScore, verdict } from './score.ts';
import { ratioSlo } from './test-helpers.ts';

function ev(id: string, outcome: SloEvaluation['outcome'], key = false, weight = 1, failureKind?: SloEvaluation['failureKind']): SloEvaluation {
  return { slo: ratioSlo({ id, key, weight }), window: '1h', outcome, reason: `${id} ${outcome}`, valueText: '', objectiveText: '', burn: [], relative: [], notes: [], ...(failureKind ? { failureKind } : {}) };
}

describe('the total score', () => {
  it.each([
    [[ev('a', 'pass'), ev('b', 'pass')], 100],
    [[ev('a', 'pass'), ev('b', 'warn')], 75],
    [[ev('a', 'pass', false, 3), ev('b', 'fail')], 75],
    [[ev('a', 'fail'), ev('b', 'no-data')], 0],
    [[ev('a', 'pass'), ev('b', 'no-data')], 100],
    [[ev('a', 'no-data')], undefined],
  ])('weights pass 1, warn 0.5, fail 0, and leaves SLOs without data out (case %#)', (evaluations, score) => {
    expect(totalScore(evaluations)).toBe(score);
  });
});

describe('the SLO verdict', () => {
  it.each([
    ['every SLO met', [ev('a', 'pass', true), ev('b', 'pass')], 'pass', /all 2 SLOs met \(score 100\.0%\)/],
    ['a failed key SLO fails whatever the score', [ev('k', 'fail', true), ...Array.from({ length: 20 }, (_, i) => ev(`p${i}`, 'pass'))], 'fail', /key SLO failed: k \(score 95\.2%\)/],
    ['a failed non-key SLO the score tolerates warns', [ev('n', 'fail'), ...Array.from({ length: 19 }, (_, i) => ev(`p${i}`, 'pass'))], 'warn', /non-key SLO\(s\) failed: n/],
    ['a score below the warning threshold fails', [ev('n1', 'fail'), ev('n2', 'fail'), ev('p', 'pass')], 'fail', /total score 33\.3% is below the warning threshold 75%/],
    ['a score between the thresholds warns', [ev('n1', 'fail'), ...Array.from({ length: 7 }, (_, i) => ev(`p${i}`, 'pass'))], 'warn', /total score 87\.5% is below the pass threshold 90%/],
    ['one SLO without data is inconclusive, never a pass', [ev('a', 'pass', true), ev('b', 'no-data')], 'inconclusive', /no data for 1 SLO\(s\): b/],
    ['a failed key SLO beats missing data', [ev('a', 'fail', true), ev('b', 'no-data')], 'fail', /key SLO failed: a/],
    ['no data anywhere is inconclusive', [ev('a', 'no-data', false, 1, 'no-data'), ev('b', 'no-data', false, 1, 'no-data')], 'inconclusive', /no data for any of the 2 SLOs/],
    ['every query errored is inconclusive, never a success', [ev('a', 'no-data', true, 1, 'query-error'), ev('b', 'no-data', false, 1, 'connection-refused')], 'inconclusive', /every query failed \(a no-data\)/],
    ['an SLO warning makes the verdict warn', [ev('a', 'warn', true), ...Array.from({ length: 19 }, (_, i) => ev(`p${i}`, 'pass'))], 'warn', /some SLOs warn/],
    ['nothing to evaluate is inconclusive', [], 'inconclusive', /no SLOs to evaluate/],
  ])('%s', (_name, evaluations, outcome, reason) => {
    const v = verdict(evaluations as SloEvaluation[], DEFAULT_THRESHOLDS);
    expect(v.outcome).toBe(outcome);
    expect(v.reason).toMatch(reason as RegExp);
  });
});
