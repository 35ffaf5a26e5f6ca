import { describe, expect, it } from 'vitest';
import cases from '../../testdata/durations.json' with { type: 'json' };
import { parseSeconds, seconds } from '../lib/duration.ts';

/** The k6 side cannot import core/duration.ts, so its copy is held to the same table of cases. */
describe("the k6 side's duration parser (load/lib/duration.ts), against the table both parsers share", () => {
  it.each(cases.accepted.map((c) => [c.text, c.ms] as const))('reads "%s" as %d ms', (text, ms) => {
    expect(parseSeconds(text, '--env DURATION') * 1000).toBeCloseTo(ms, 6);
  });

  it.each(cases.refused.map((c) => [c.text, c.bare] as const))('refuses "%s", naming the --env setting', (text, bare) => {
    expect(() => parseSeconds(text, '--env DURATION')).toThrow(bare ? `--env DURATION: "${text}" has no unit (a bare number is refused` : `--env DURATION: "${text}" is not a duration`);
  });

  it('writes seconds back as whole milliseconds for k6', () => {
    expect(seconds(1.5)).toBe('1500ms');
    expect(seconds(-1)).toBe('0ms');
  });
});
