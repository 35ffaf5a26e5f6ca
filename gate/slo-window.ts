import { parseDuration } from '../core/duration.ts';
import type { Profile } from './profile-schema.ts';
import type { SloWindow } from './runners.ts';

/** The shortest SLO window the gate asks for when it derives the window from the run. */
export const MIN_RUN_WINDOW_MS = 30_000;

export interface RunTimes {
  /** When the gate's first suite started. */
  readonly gateStart: Date;
  readonly now: Date;
  /** When the first load step that the SLOs must not see (`slo: false`, e.g. stress) started. */
  readonly excludedFrom?: Date | undefined;
}

/**
 * The SLO window (pure). `window: run` covers the gate's run from its first suite, so every service
 * the smoke suite touched has data, up to now, or up to the first load step excluded from the SLOs
 * (a stress ramp that breaks the system on purpose). A fixed window (`1h`) ends now.
 */
export function sloWindow(slo: Profile['slo'], times: RunTimes): SloWindow {
  if (slo.window !== 'run') {
    return { windowMs: parseDuration(slo.window, 'profile slo.window'), at: times.now, fromRun: false, endsNow: true, compareWith: slo.compareWith, relativeNoiseMs: slo.relativeNoiseMs };
  }
  const end = times.excludedFrom ?? times.now;
  const windowMs = Math.max(MIN_RUN_WINDOW_MS, Math.ceil((end.getTime() - times.gateStart.getTime()) / 1000) * 1000);
  return { windowMs, at: end, fromRun: true, endsNow: times.excludedFrom === undefined, compareWith: slo.compareWith, relativeNoiseMs: slo.relativeNoiseMs };
}
