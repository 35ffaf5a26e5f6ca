import { describe, expect, it } from 'vitest';
import { readEvents, readThreshold } from './measure.ts';
import { value } from './test-helpers.ts';

/** Special values from Prometheus never turn into a verdict they do not support. */
describe('readThreshold with special values', () => {
  it.each([
    ['+Inf under <, a real reading beyond the last bucket', Number.POSITIVE_INFINITY, '<', { kind: 'value', value: Number.POSITIVE_INFINITY }],
    ['-Inf under <, which would pass', Number.NEGATIVE_INFINITY, '<', { kind: 'no-data', reason: 'the query gave -Inf over 5m (no observations)' }],
    ['+Inf under >=, which would pass', Number.POSITIVE_INFINITY, '>=', { kind: 'no-data', reason: 'the query gave +Inf over 5m (no observations)' }],
    ['NaN', Number.NaN, '<', { kind: 'no-data', reason: 'the query gave NaN over 5m (no observations)' }],
  ] as const)('reads %s', (_name, v, op, expected) => {
    expect(readThreshold(value(v), op, '5m')).toMatchObject(expected);
  });
});

describe('readEvents with special values', () => {
  const q = { numerator: 'bad', total: 'total', numeratorKind: 'bad' as const, target: 0.99 };
  it.each([
    ['an infinite total', { total: value(Number.POSITIVE_INFINITY), bad: value(1) }, 'the count is +Inf'],
    ['a -Inf numerator', { total: value(100), bad: value(Number.NEGATIVE_INFINITY) }, 'the count is -Inf'],
    ['a NaN total', { total: value(Number.NaN), bad: value(0) }, 'the count is NaN'],
  ] as const)('gives no data for %s, never a ratio', (_name, answers, reason) => {
    const lookup = (expr: string) => answers[expr as 'total' | 'bad'];
    expect(readEvents(q, lookup, '5m').reading).toEqual({ kind: 'no-data', reason });
  });
});
