import { z } from 'zod';
import type { SuiteResult } from '../../core/result.ts';
import type { LoadPoint, LoadSeries, StressCurve } from './model.ts';

/** A per-second bucket of the load suite's `data.series`, read loosely. */
const Bucket = z.object({
  t: z.number(),
  count: z.number().optional(),
  rps: z.number().optional(),
  errors: z.number().optional(),
  errorRate: z.number().optional(),
  p50: z.number().optional(),
  p90: z.number().optional(),
  p95: z.number().optional(),
  p99: z.number().optional(),
  vus: z.number().optional(),
});

const StressStep = z.object({ rps: z.number(), p95: z.number(), errorRate: z.number(), vus: z.number().optional() });
const Breaking = z.object({ rps: z.number(), vus: z.number().optional(), errorRate: z.number().optional(), recoverySeconds: z.number().nullable().optional() });

const Data = z.object({
  scenario: z.string().optional(),
  series: z.array(z.unknown()).optional(),
  stress: z.object({ curve: z.array(z.unknown()), breakingPoint: z.unknown().optional() }).optional(),
});

function toPoint(raw: unknown): LoadPoint[] {
  const b = Bucket.safeParse(raw);
  if (!b.success) return [];
  const d = b.data;
  const rps = d.rps ?? d.count ?? 0;
  const errorRate = d.errorRate ?? (d.errors !== undefined && rps > 0 ? d.errors / rps : 0);
  return [{ t: d.t > 1e11 ? d.t / 1000 : d.t, rps, errorRate, p50Ms: d.p50, p90Ms: d.p90, p95Ms: d.p95, p99Ms: d.p99, vus: d.vus }];
}

export function loadScenario(result: SuiteResult): string {
  const data = Data.safeParse(result.data);
  return (data.success ? data.data.scenario : undefined) ?? 'load';
}

/** The per-second series of one load run, oldest first. */
export function readLoadSeries(result: SuiteResult): LoadSeries | undefined {
  const data = Data.safeParse(result.data);
  if (!data.success || !data.data.series) return undefined;
  const points = data.data.series.flatMap(toPoint).sort((a, b) => a.t - b.t);
  return points.length > 0 ? { scenario: loadScenario(result), points } : undefined;
}

/** The stress curve and breaking point of a stress run, when the run carries one. */
export function readStressCurve(result: SuiteResult): StressCurve | undefined {
  const data = Data.safeParse(result.data);
  if (!data.success || !data.data.stress) return undefined;
  const points = data.data.stress.curve.flatMap((raw) => {
    const s = StressStep.safeParse(raw);
    return s.success ? [{ rps: s.data.rps, p95Ms: s.data.p95, errorRate: s.data.errorRate, vus: s.data.vus }] : [];
  });
  const bp = Breaking.safeParse(data.data.stress.breakingPoint);
  return {
    scenario: loadScenario(result),
    points,
    breakingPoint: bp.success ? { ...bp.data, recoverySeconds: bp.data.recoverySeconds ?? undefined } : undefined,
  };
}
