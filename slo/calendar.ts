/**
 * Calendar-aligned SLO periods (pure): periods of `duration` (days, weeks, months, quarters or
 * years) follow each other from `startTime`, a wall-clock time in `timeZone` (IANA). Days and
 * weeks step in local calendar days, so a period starts at the same wall-clock time across a
 * daylight-saving change; months clamp the day (Jan 31 + 1M = Feb 28 or 29).
 */
export interface CalendarPeriod {
  /** e.g. `1M`, `1Q`, `1w`, `1d`. */
  readonly duration: string;
  /** `YYYY-MM-DD HH:MM:SS` (or `T` for the space, seconds or the time optional), local to timeZone. */
  readonly startTime: string;
  readonly timeZone: string;
}

interface Local { y: number; mo: number; d: number; h: number; mi: number; s: number }

const DAY_MS = 86_400_000;
const START = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
export const CALENDAR_DURATION = /^([1-9]\d*)([dwMQY])$/;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export function isStartTime(text: string): boolean {
  const m = START.exec(text);
  if (!m) return false;
  const [mo, d, h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(Number(m[1]), mo) && h < 24 && mi < 60 && s < 60;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localOf(ms: number, zone: string): Local {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: part('year'), mo: part('month'), d: part('day'), h: part('hour'), mi: part('minute'), s: part('second') };
}

const asUtc = (l: Local) => Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi, l.s);

/** The instant a wall-clock time in `zone` names (in a daylight-saving gap: the instant just after it). */
export function zonedInstant(local: Local, zone: string): number {
  const guess = asUtc(local);
  let t = guess - (asUtc(localOf(guess, zone)) - guess);
  t = guess - (asUtc(localOf(t, zone)) - t);
  return t;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function addMonths(l: Local, months: number): Local {
  const index = l.y * 12 + (l.mo - 1) + months;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return { ...l, y, mo, d: Math.min(l.d, daysIn(y, mo)) };
}

function addDays(l: Local, days: number): Local {
  const t = new Date(Date.UTC(l.y, l.mo - 1, l.d) + days * DAY_MS);
  return { ...l, y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function parseStart(text: string): Local {
  const m = START.exec(text);
  if (!m) throw new Error(`calendar startTime "${text}" is not YYYY-MM-DD HH:MM:SS`);
  return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0) };
}

/** The period that contains `at`: its first instant (inclusive) and the next period's (exclusive). */
export function periodAt(at: Date, period: CalendarPeriod): { start: Date; end: Date } {
  const m = CALENDAR_DURATION.exec(period.duration);
  if (!m) throw new Error(`calendar duration "${period.duration}" is not days, weeks, months, quarters or years`);
  const n = Number(m[1]);
  const unit = m[2]!;
  const origin = parseStart(period.startTime);
  const months = unit === 'M' ? n : unit === 'Q' ? 3 * n : unit === 'Y' ? 12 * n : 0;
  const step = (k: number) => zonedInstant(months > 0 ? addMonths(origin, k * months) : addDays(origin, k * n * (unit === 'w' ? 7 : 1)), period.timeZone);
  const now = at.getTime();
  const here = localOf(now, period.timeZone);
  const elapsed = months > 0
    ? (here.y - origin.y) * 12 + (here.mo - origin.mo)
    : Math.round((Date.UTC(here.y, here.mo - 1, here.d) - Date.UTC(origin.y, origin.mo - 1, origin.d)) / DAY_MS);
  let k = Math.floor(elapsed / (months > 0 ? months : n * (unit === 'w' ? 7 : 1)));
  while (step(k) > now) k -= 1;
  while (step(k + 1) <= now) k += 1;
  return { start: new Date(step(k)), end: new Date(step(k + 1)) };
}

/** `2026-05-01 00:00` in the period's own time zone. */
export function localText(instant: Date, zone: string): string {
  const l = localOf(instant.getTime(), zone);
  const p = (v: number) => String(v).padStart(2, '0');
  return `${l.y}-${p(l.mo)}-${p(l.d)} ${p(l.h)}:${p(l.mi)}${l.s ? `:${p(l.s)}` : ''}`;
}

/** A nominal length in days, for the burn-rate windows and the rolling approximation in alert rules. */
export function nominalDays(duration: string): number {
  const m = CALENDAR_DURATION.exec(duration);
  if (!m) throw new Error(`calendar duration "${duration}" is not days, weeks, months, quarters or years`);
  return Number(m[1]) * { d: 1, w: 7, M: 30, Q: 90, Y: 365 }[m[2] as 'd' | 'w' | 'M' | 'Q' | 'Y'];
}
