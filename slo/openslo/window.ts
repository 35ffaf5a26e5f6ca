import { CALENDAR_DURATION, nominalDays } from '../calendar.ts';
import type { CalendarPeriod } from '../calendar.ts';
import type { Findings, Location } from './objects.ts';
import type { TimeWindow } from './schema.ts';

/**
 * An OpenSLO timeWindow as the SLO period (pure): rolling windows are whole days or weeks;
 * calendar-aligned windows (`isRolling: false`, or a `calendar` without isRolling) are periods of
 * days, weeks, months, quarters or years from `calendar.startTime` in `calendar.timeZone`. No
 * timeWindow: the catalog's default (rolling `sloDefaults.windowDays`).
 */
export interface SloWindow {
  readonly windowDays: number;
  readonly calendar?: CalendarPeriod;
}

const PATH = ['spec', 'timeWindow', 0] as const;

function rollingDays(duration: string): number | undefined {
  const n = Number(duration.slice(0, -1));
  const unit = duration.slice(-1);
  if (unit === 'd') return n;
  if (unit === 'w') return n * 7;
  if (unit === 'h' && n % 24 === 0) return n / 24;
  return undefined;
}

export function sloWindow(window: TimeWindow | undefined, defaultDays: () => number, loc: Location, findings: Findings): SloWindow | undefined {
  if (!window) return { windowDays: defaultDays() };
  const calendarAligned = window.isRolling === false || (window.isRolling === undefined && window.calendar !== undefined);
  if (!calendarAligned) {
    if (window.calendar) return findings.problem(loc, [...PATH, 'calendar'], 'a rolling window (isRolling: true) takes no calendar; set isRolling: false for a calendar-aligned one');
    const days = rollingDays(window.duration);
    if (days === undefined) {
      return findings.problem(loc, [...PATH, 'duration'], `time window ${window.duration} is not a whole number of days or weeks (a rolling window; M, Q and Y are calendar periods: isRolling: false with a calendar)`);
    }
    return { windowDays: days };
  }
  if (!window.calendar) return findings.problem(loc, [...PATH, 'calendar'], 'required for a calendar-aligned window (isRolling: false): startTime and timeZone');
  if (!CALENDAR_DURATION.test(window.duration)) {
    return findings.problem(loc, [...PATH, 'duration'], `a calendar period of ${window.duration} is not days, weeks, months, quarters or years (e.g. 1d, 1w, 1M, 1Q, 1Y)`);
  }
  return { windowDays: nominalDays(window.duration), calendar: { duration: window.duration, ...window.calendar } };
}
