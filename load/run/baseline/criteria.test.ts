import { describe, expect, it } from 'vitest';
import { limitFor, meets, parseCriterion, type Criterion } from './criteria.ts';

const c = (text: string): Criterion => {
  const parsed = parseCriterion(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('Keptn-style criteria', () => {
  it.each([
    ['<=+10%', 100, 110, true],
    ['<=+10%', 100, 110.5, false],
    ['>=-10%', 1000, 900, true],
    ['>=-10%', 1000, 899, false],
    ['<=+0.5', 1.2, 1.7, true],
    ['<=+0.5', 1.2, 1.71, false],
    ['<600', 100, 599, true],
    ['<600', 100, 600, false],
    ['<+5%', 200, 209, true],
  ] as const)('%s with baseline %d accepts %d: %s', (text, baseline, current, ok) => {
    expect(meets(c(text), baseline, current)).toBe(ok);
  });

  it('computes the limit it compares with', () => {
    expect(limitFor(c('<=+10%'), 480)).toBeCloseTo(528);
    expect(limitFor(c('>=-10%'), 1000)).toBeCloseTo(900);
    expect(limitFor(c('<=+0.5'), 0.2)).toBeCloseTo(0.7);
  });

  it.each(['10%', '<=10%', 'less than 10', '<=+ten%', ''])('rejects "%s" with a message', (text) => {
    expect(parseCriterion(text)).toMatchObject({ error: expect.any(String) });
  });
});
