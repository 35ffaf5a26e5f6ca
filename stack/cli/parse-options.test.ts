import { describe, expect, it } from 'vitest';
import { parsePortBase, parseRateLimit } from './parse-options.ts';

describe('parseRateLimit', () => {
  it.each([
    ['1000/60s', { requests: 1000, windowMs: 60_000 }],
    ['100/1m', { requests: 100, windowMs: 60_000 }],
    ['5/500ms', { requests: 5, windowMs: 500 }],
    ['200', { requests: 200, windowMs: 60_000 }],
  ])('reads %s', (text, expected) => {
    expect(parseRateLimit(text)).toEqual(expected);
  });

  it.each(['abc', '0/60s', '10/soon', '-5'])('rejects %s with a usage error', (text) => {
    expect(() => parseRateLimit(text)).toThrow(/--rate-limit/);
  });
});

describe('parsePortBase', () => {
  it('accepts 0 and bases that keep every port valid', () => {
    expect(parsePortBase('0', 95)).toBe(0);
    expect(parsePortBase('20000', 95)).toBe(20000);
  });

  it.each(['80', '65500', 'x', '-1'])('rejects %s', (text) => {
    expect(() => parsePortBase(text, 95)).toThrow(/--port-base/);
  });
});
