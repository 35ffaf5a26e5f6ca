import { describe, expect, it } from 'vitest';
import { isStartTime, isTimeZone, localText, nominalDays, periodAt, zonedInstant } from './calendar.ts';

const iso = (d: Date) => d.toISOString();

describe('calendar-aligned periods', () => {
  it.each([
    // duration, startTime, zone, at, period start, next period start
    ['1M', '2022-01-01 00:00:00', 'America/New_York', '2026-05-17T12:00:00Z', '2026-05-01T04:00:00.000Z', '2026-06-01T04:00:00.000Z'],
    ['1M', '2022-01-01 00:00:00', 'America/New_York', '2026-05-01T03:59:59Z', '2026-04-01T04:00:00.000Z', '2026-05-01T04:00:00.000Z'],
    ['1M', '2022-01-01 00:00', 'UTC', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ['1Q', '2022-01-01 00:00:00', 'Europe/Berlin', '2026-05-17T12:00:00Z', '2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z'],
    ['1Y', '2020-07-01', 'Asia/Tokyo', '2026-05-17T12:00:00Z', '2025-06-30T15:00:00.000Z', '2026-06-30T15:00:00.000Z'],
    // A week from a Monday noon, across the daylight-saving change (Europe/Berlin, 29 March 2026).
    ['1w', '2026-01-05 12:00:00', 'Europe/Berlin', '2026-04-01T00:00:00Z', '2026-03-30T10:00:00.000Z', '2026-04-06T10:00:00.000Z'],
    ['1w', '2026-01-05 12:00:00', 'Europe/Berlin', '2026-03-30T09:59:59Z', '2026-03-23T11:00:00.000Z', '2026-03-30T10:00:00.000Z'],
    ['1d', '2000-01-01 06:00:00', 'Australia/Adelaide', '2026-05-17T12:00:00Z', '2026-05-16T20:30:00.000Z', '2026-05-17T20:30:00.000Z'],
    // A start in the future: periods extend backwards from it.
    ['2w', '2030-01-07 00:00:00', 'UTC', '2026-05-17T12:00:00Z', '2026-05-04T00:00:00.000Z', '2026-05-18T00:00:00.000Z'],
  ])('%s from %s %s: at %s the period is [%s, %s)', (duration, startTime, timeZone, at, start, end) => {
    const p = periodAt(new Date(at), { duration, startTime, timeZone });
    expect([iso(p.start), iso(p.end)]).toEqual([start, end]);
  });

  it('clamps the day of month: a period from the 31st starts on the last day of shorter months', () => {
    const p = periodAt(new Date('2026-03-01T00:00:00Z'), { duration: '1M', startTime: '2026-01-31 00:00:00', timeZone: 'UTC' });
    expect([iso(p.start), iso(p.end)]).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
  });

  it('turns a wall-clock time into an instant, also in a daylight-saving gap', () => {
    expect(zonedInstant({ y: 2026, mo: 7, d: 1, h: 9, mi: 0, s: 0 }, 'America/New_York')).toBe(Date.parse('2026-07-01T13:00:00Z'));
    expect(zonedInstant({ y: 2026, mo: 3, d: 29, h: 2, mi: 30, s: 0 }, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(localText(new Date('2026-05-01T04:00:00Z'), 'America/New_York')).toBe('2026-05-01 00:00');
  });

  it('validates zones and start times, and gives nominal lengths', () => {
    expect([isTimeZone('America/New_York'), isTimeZone('Mars/Olympus'), isTimeZone('')]).toEqual([true, false, false]);
    expect(['2022-01-01 12:00:00', '2022-01-01T12:00', '2022-01-01', '2022-02-30 00:00:00', '2022-01-01 25:00', '01/01/2022'].map(isStartTime))
      .toEqual([true, true, true, false, false, false]);
    expect(['1d', '2w', '1M', '1Q', '1Y'].map(nominalDays)).toEqual([1, 14, 30, 90, 365]);
  });
});
