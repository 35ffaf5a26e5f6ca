import { suiteData, type SuiteResultOf } from '../../core/result.ts';
import type { SeriesPoint, ServiceSummary } from '../../load/run/analyzer/summary-schema.ts';
import type { LoadStress } from '../../load/run/data.ts';

/** What the page draws for one load run, read from its data through the load schema (load/run/data.ts). */
export interface LoadRun {
  readonly scenario: string;
  /** Per second, oldest first; empty when the run has no data. */
  readonly series: readonly SeriesPoint[];
  /** Stress and spike runs only; the curve oldest first. */
  readonly stress?: LoadStress | undefined;
  /** Per service (requests, req/s, error rate, latency), busiest first. */
  readonly services: readonly ServiceSummary[];
}

const byTime = <T extends { t: number }>(points: readonly T[]): T[] => [...points].sort((a, b) => a.t - b.t);

/** A load run's series, per-service figures and stress table; data that does not match the schema throws, naming the field. */
export function readLoadRun(result: SuiteResultOf<'load'>): LoadRun {
  const data = suiteData(result);
  if (!data) return { scenario: 'load', series: [], services: [] };
  return {
    scenario: data.scenario,
    series: byTime(data.series),
    services: [...data.services].sort((a, b) => b.requests - a.requests || a.service.localeCompare(b.service)),
    ...(data.stress ? { stress: { ...data.stress, curve: byTime(data.stress.curve) } } : {}),
  };
}
