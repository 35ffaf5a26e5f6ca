import { describe, expect, it } from 'vitest';
import cases from '../testdata/durations.json' with { type: 'json' };
import { durationField, durationMs, formatDuration, parseDuration } from './duration.ts';
import { UsageError } from './errors.ts';

describe('the duration rule (core/duration.ts), against the table both parsers share', () => {
  it.each(cases.accepted.map((c) => [c.text, c.ms] as const))('reads "%s" as %d ms', (text, ms) => {
    expect(durationMs(text)).toBeCloseTo(ms, 6);
    expect(parseDuration(text, '--timeout')).toBeCloseTo(ms, 6);
    expect(durationField().safeParse(text).success).toBe(true);
  });

  it.each(cases.refused.map((c) => [c.text, c.bare] as const))('refuses "%s" with a usage error naming the flag', (text, bare) => {
    expect(durationMs(text)).toBeUndefined();
    expect(() => parseDuration(text, '--timeout')).toThrow(UsageError);
    expect(() => parseDuration(text, '--timeout')).toThrow(bare ? `--timeout: "${text}" has no unit (a bare number is refused` : `--timeout: "${text}" is not a duration`);
  });

  it('a schema duration field says what it wants, and why a bare number is refused', () => {
    const field = durationField('60s or 5m');
    const message = (text: string) => field.safeParse(text).error?.issues[0]?.message;
    expect(message('soon')).toBe('must be a duration such as 60s or 5m');
    expect(message('30')).toBe('must be a duration with a unit, such as 60s or 5m: "30" has no unit (a bare number is refused: write e.g. 30s or 30ms)');
    expect(field.parse('1m30s')).toBe('1m30s');
  });

  it('formats milliseconds in the largest exact unit, which reads back as the same duration', () => {
    expect([3_600_000, 90_000, 1500, 0, 604_800_000].map(formatDuration)).toEqual(['1h', '90s', '1500ms', '0ms', '1w']);
    for (const { ms } of cases.accepted) if (Number.isInteger(ms)) expect(durationMs(formatDuration(ms))).toBe(ms);
  });
});
