import { z } from 'zod';
import { parseDuration } from '../../../core/duration.ts';

/**
 * The offered load over time, read from the scenarios k6 itself resolved (`k6 inspect`): arrival-rate
 * scenarios give iterations per time unit; `requestsPerIteration(exec)` turns them into req/s.
 * Used to know when the load fell back (recovery) and to draw offered vs achieved.
 */
const Stage = z.object({ duration: z.string(), target: z.number() });
const ScenarioSchema = z.looseObject({
  executor: z.string(),
  exec: z.string().nullable().optional(),
  startTime: z.string().nullable().optional(),
  timeUnit: z.string().nullable().optional(),
  startRate: z.number().nullable().optional(),
  rate: z.number().nullable().optional(),
  duration: z.string().nullable().optional(),
  stages: z.array(Stage).nullable().optional(),
  vus: z.number().nullable().optional(),
  preAllocatedVUs: z.number().nullable().optional(),
  maxVUs: z.number().nullable().optional(),
});
export const InspectSchema = z.looseObject({ scenarios: z.record(z.string(), ScenarioSchema).nullable().optional() });
export type Inspect = z.infer<typeof InspectSchema>;

/** Offered req/s at `t` seconds after the scenarios start: a piecewise-linear curve. */
export interface RatePoint {
  readonly t: number;
  readonly rps: number;
}

const sec = (d: string | null | undefined) => (d ? parseDuration(d, 'k6 inspect duration') / 1000 : 0);

function scenarioPoints(s: z.infer<typeof ScenarioSchema>, perIteration: number): RatePoint[] {
  const unit = sec(s.timeUnit ?? '1s') || 1;
  const scale = perIteration / unit;
  const t0 = sec(s.startTime);
  if (s.executor === 'constant-arrival-rate') {
    const rps = (s.rate ?? 0) * scale;
    return [{ t: t0, rps }, { t: t0 + sec(s.duration), rps }];
  }
  if (s.executor !== 'ramping-arrival-rate') return [];
  const points: RatePoint[] = [{ t: t0, rps: (s.startRate ?? 0) * scale }];
  let t = t0;
  for (const stage of s.stages ?? []) {
    t += sec(stage.duration);
    points.push({ t, rps: stage.target * scale });
  }
  return points;
}

export function rateAt(points: readonly RatePoint[], t: number): number {
  if (points.length === 0 || t < points[0]!.t || t > points[points.length - 1]!.t) return 0;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (t <= b.t) return b.t === a.t ? b.rps : a.rps + ((b.rps - a.rps) * (t - a.t)) / (b.t - a.t);
  }
  return points[points.length - 1]!.rps;
}

/** The summed offered curve of every arrival-rate scenario, sampled at each breakpoint. */
export function offeredSchedule(inspect: Inspect, requestsPerIteration: (exec: string) => number | undefined): RatePoint[] {
  const curves = Object.entries(inspect.scenarios ?? {}).flatMap(([name, s]) => {
    const per = requestsPerIteration(s.exec ?? 'default') ?? requestsPerIteration(name);
    return per === undefined ? [] : [scenarioPoints(s, per)];
  });
  const times = [...new Set(curves.flatMap((c) => c.map((p) => p.t)))].sort((a, b) => a - b);
  return times.map((t) => ({ t, rps: curves.reduce((sum, c) => sum + rateAt(c, t), 0) }));
}

/** Where the load falls back: the last segment of the curve that goes down, as [from, to] seconds. */
export function lastFall(points: readonly RatePoint[]): { from: number; to: number; toRps: number } | undefined {
  for (let i = points.length - 1; i >= 1; i -= 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (b.rps < a.rps && b.t > a.t) return { from: a.t, to: b.t, toRps: b.rps };
  }
  return undefined;
}

/** The most VUs the scenarios may run at once (k6's maxVUs, else preAllocatedVUs or vus), summed. */
export function vuBudget(inspect: Inspect): number {
  return Object.values(inspect.scenarios ?? {}).reduce((sum, s) => sum + (s.maxVUs ?? s.preAllocatedVUs ?? s.vus ?? 0), 0);
}
