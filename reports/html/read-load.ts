import { z } from 'zod';
import type { SuiteResult } from '../../core/result.ts';
import type { BreakingPoint, LoadPoint, LoadSeries, StressCurve, StressPoint } from './model.ts';

/**
 * Readers of the load suite's `data` (load/run/build-result.ts): the per-second series and, for
 * stress, the curve and the stress table. Read loosely: what does not parse is left out.
 */
const ms = z.number().nullable();
const SeriesPoint = z.object({ t: z.number(), rps: z.number(), p50: ms, p95: ms, p99: ms, errors: z.number(), vus: z.number().optional() });
const CurvePoint = z.object({ t: z.number(), offeredRps: z.number().nullable(), rps: z.number(), p95: ms, errorRate: z.number() });
const Table = z.object({
  breakingPointRps: z.number().nullable(),
  broke: z.boolean(),
  breakAt: z.string().nullable(),
  errorRateAtBreak: z.number().nullable(),
  p95AtBreakMs: z.number().nullable(),
  vusAtBreak: z.number().nullable(),
  maxConcurrentVus: z.number(),
  recovered: z.boolean(),
  recoveryTimeS: z.number().nullable(),
  totalRequests: z.number(),
  durationS: z.number(),
  averageRps: z.number(),
  limitedBy: z.string().nullable().optional(),
});
const Overall = z.object({ requests: z.number(), rps: z.number(), errorRate: z.number(), latency: z.object({ p95: ms, p99: ms }) });
const Data = z.object({
  scenario: z.string().optional(),
  overall: z.unknown().optional(),
  series: z.array(z.unknown()).optional(),
  stress: z.object({ table: z.unknown(), curve: z.array(z.unknown()) }).optional(),
});

const each = <T>(raw: readonly unknown[] | undefined, schema: z.ZodType<T>): T[] =>
  (raw ?? []).flatMap((r) => {
    const p = schema.safeParse(r);
    return p.success ? [p.data] : [];
  });
const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function loadScenario(result: SuiteResult): string {
  const data = Data.safeParse(result.data);
  return (data.success ? data.data.scenario : undefined) ?? 'load';
}

/** The per-second series of one load run, oldest first; undefined when it has none. */
export function readLoadSeries(result: SuiteResult): LoadSeries | undefined {
  const data = Data.safeParse(result.data);
  if (!data.success) return undefined;
  const points = each(data.data.series, SeriesPoint)
    .map((p): LoadPoint => ({ t: p.t, rps: p.rps, errorRate: p.rps > 0 ? p.errors / p.rps : 0, p50Ms: p.p50, p95Ms: p.p95, p99Ms: p.p99, vus: p.vus }))
    .sort((a, b) => a.t - b.t);
  return points.length > 0 ? { scenario: loadScenario(result), points } : undefined;
}

/** The stress table as the breaking point the page and the pushed metrics show. */
function breakingPoint(raw: unknown): BreakingPoint | undefined {
  const t = Table.safeParse(raw);
  if (!t.success) return undefined;
  const d = t.data;
  return {
    rps: d.breakingPointRps,
    broke: d.broke,
    breakAt: d.breakAt ? Date.parse(d.breakAt) / 1000 : undefined,
    vusAtBreak: orUndefined(d.vusAtBreak),
    maxConcurrentVus: d.maxConcurrentVus,
    errorRate: orUndefined(d.errorRateAtBreak),
    p95Ms: orUndefined(d.p95AtBreakMs),
    recovered: d.recovered,
    recoverySeconds: orUndefined(d.recoveryTimeS),
    totalRequests: d.totalRequests,
    durationS: d.durationS,
    averageRps: d.averageRps,
    limitedBy: d.limitedBy ?? undefined,
  };
}

/** The stress curve and breaking point of a stress (or spike) run; undefined for other scenarios. */
export function readStressCurve(result: SuiteResult): StressCurve | undefined {
  const data = Data.safeParse(result.data);
  if (!data.success || !data.data.stress) return undefined;
  const points = each(data.data.stress.curve, CurvePoint)
    .map((p): StressPoint => ({ t: p.t, offeredRps: p.offeredRps, rps: p.rps, p95Ms: p.p95, errorRate: p.errorRate }))
    .sort((a, b) => a.t - b.t);
  return { scenario: loadScenario(result), points, breakingPoint: breakingPoint(data.data.stress.table) };
}

/** The run's overall figures: requests, req/s, error rate, p95 and p99 (ms). */
export function readLoadOverall(result: SuiteResult): z.infer<typeof Overall> | undefined {
  const data = Data.safeParse(result.data);
  const overall = Overall.safeParse(data.success ? data.data.overall : undefined);
  return overall.success ? overall.data : undefined;
}
