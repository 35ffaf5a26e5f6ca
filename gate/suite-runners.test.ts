import { describe, expect, it } from 'vitest';
import type { SuiteResult } from '../core/result.ts';
import { withMissingBaseline } from './suite-runners.ts';

const result = (outcome: SuiteResult['outcome']): SuiteResult => ({ suite: 'load', outcome, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, checks: [] });

describe('a load step whose baseline was never saved', () => {
  it('keeps the run and warns that it was not compared, naming the file and how to save one', () => {
    const out = withMissingBaseline(result('pass'), 'load/baselines/local/soak.json');
    expect(out.outcome).toBe('warn');
    expect(out.checks[0]?.failure?.message).toBe('no baseline at load/baselines/local/soak.json: not compared; save one with `tracseq-validate load baseline save <run-id>`');
  });

  it('never softens a failed run', () => {
    expect(withMissingBaseline(result('fail'), 'x').outcome).toBe('fail');
    expect(withMissingBaseline(result('inconclusive'), 'x').outcome).toBe('inconclusive');
  });
});
