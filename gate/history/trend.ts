import { z } from 'zod';
import { combineOutcomes, type Check, type SuiteResult } from '../../core/result.ts';
import { CriterionField, limitFor, meets, parseCriterion, type Criterion } from '../../load/run/baseline/criteria.ts';
import type { HistoryEntry, KeyFigures, TrendRow } from './history-schema.ts';
import type { RunFigures } from './key-figures.ts';

/**
 * A run against the trend of its history (pure): each key figure against the median of the last
 * `nights` passing runs (Keptn's pass-or-warn rule: a failed night is no yardstick), with Keptn-style
 * criteria wide enough to stay clear of night-to-night noise; a latency rise under
 * `minLatencyDeltaMs` is never a step change. A step change is a failed check, kind regression, on
 * the suite that measured the figure, so the verdict names it.
 */
export const TrendSettings = z.strictObject({
  /** Compare this run with the trend (a nightly); off: the history is still kept and drawn. */
  compare: z.boolean().default(false),
  /** How many stored runs the trend is taken over (and the report draws). */
  nights: z.number().int().min(1).max(100).default(7),
  /** Fewer passing runs stored than this: not compared (a median of one or two nights is no trend). */
  minNights: z.number().int().min(1).default(3),
  p95: CriterionField.default('<=+50%'),
  p99: CriterionField.default('<=+50%'),
  minLatencyDeltaMs: z.number().nonnegative().default(25),
  throughput: CriterionField.default('>=-10%'),
  breakingPoint: CriterionField.default('>=-30%'),
  /** Seconds of recovery added. */
  recovery: CriterionField.default('<=+30'),
  /** Percentage points of error budget lost. */
  errorBudget: CriterionField.default('>=-10'),
});
export type TrendSettings = z.infer<typeof TrendSettings>;

export interface TrendComparison {
  readonly judged: boolean;
  readonly reason: string;
  readonly rows: TrendRow[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const crit = (text: string): Criterion => parseCriterion(text) as Criterion;

interface Figure {
  readonly figure: TrendRow['figure'];
  readonly service?: string;
  readonly unit: TrendRow['unit'];
  readonly criterion: string;
  readonly get: (f: KeyFigures) => number | null | undefined;
}

function figuresToCompare(current: KeyFigures, s: TrendSettings): Figure[] {
  const perService = Object.keys(current.services).sort().flatMap((service): Figure[] => [
    { figure: 'p95', service, unit: 'ms', criterion: s.p95, get: (f) => f.services[service]?.p95 },
    { figure: 'p99', service, unit: 'ms', criterion: s.p99, get: (f) => f.services[service]?.p99 },
  ]);
  return [
    ...perService,
    { figure: 'throughput', unit: 'req/s', criterion: s.throughput, get: (f) => f.throughputRps },
    { figure: 'breakingPoint', unit: 'req/s', criterion: s.breakingPoint, get: (f) => f.breakingPointRps },
    { figure: 'recovery', unit: 's', criterion: s.recovery, get: (f) => f.recoveryS },
    { figure: 'errorBudget', unit: '%', criterion: s.errorBudget, get: (f) => (f.errorBudgetLeft === null ? null : f.errorBudgetLeft * 100) },
  ];
}

/** `stored` oldest first (the run itself not among them). */
export function compareWithTrend(current: KeyFigures, stored: readonly HistoryEntry[], s: TrendSettings): TrendComparison {
  if (!s.compare) return { judged: false, reason: 'not compared with the trend: the profile keeps and draws the history only (trend.compare: false)', rows: [] };
  const base = stored.filter((e) => e.verdict === 'pass' || e.verdict === 'warn').slice(-s.nights);
  if (base.length < s.minNights) {
    return { judged: false, reason: `not compared with the trend yet: ${base.length} passing run(s) stored, ${s.minNights} needed (trend.minNights)`, rows: [] };
  }
  const rows: TrendRow[] = [];
  for (const f of figuresToCompare(current, s)) {
    const now = f.get(current);
    const values = base.map((e) => f.get(e.figures)).filter((v): v is number => typeof v === 'number');
    if (now === null || now === undefined || values.length < s.minNights) continue;
    const c = crit(f.criterion);
    const mid = median(values);
    const noise = f.unit === 'ms' && now - mid < s.minLatencyDeltaMs;
    rows.push({ figure: f.figure, ...(f.service ? { service: f.service } : {}), unit: f.unit, current: now, median: mid, limit: limitFor(c, mid), criterion: c.text, nights: values.length, ok: noise || meets(c, mid, now) });
  }
  return { judged: true, reason: `compared with the median of the last ${base.length} passing run(s)`, rows };
}

const NAMES: Record<TrendRow['figure'], string> = { p95: 'p95', p99: 'p99', throughput: 'throughput', breakingPoint: 'breaking point', recovery: 'recovery time', errorBudget: 'error budget left' };

/** `sample-service p95 85.0 ms vs a median of 40.0 ms over 5 runs (limit <=+50% = 60.0 ms)`. */
export function describeTrendRow(r: TrendRow): string {
  const f = (n: number) => n.toFixed(1);
  return `${r.service ? `${r.service} ` : ''}${NAMES[r.figure]} ${f(r.current)} ${r.unit} vs a median of ${f(r.median)} ${r.unit} over ${r.nights} run(s) (limit ${r.criterion} = ${f(r.limit)} ${r.unit})`;
}

function trendCheck(r: TrendRow): Check {
  return {
    id: `trend/${r.figure}${r.service ? `/${r.service}` : ''}`,
    name: `${r.service ? `${r.service} ` : ''}${NAMES[r.figure]}: no step change against the trend (${r.criterion} of the median)`,
    ...(r.service ? { service: r.service } : {}),
    outcome: r.ok ? 'pass' : 'fail',
    durationMs: 0,
    detail: { current: r.current, median: r.median, limit: r.limit, unit: r.unit, nights: r.nights },
    ...(r.ok ? {} : { failure: { kind: 'regression' as const, message: `step change against the trend: ${describeTrendRow(r)}` } }),
  };
}

const SOURCE: Record<TrendRow['figure'], keyof RunFigures['from']> = { p95: 'steady', p99: 'steady', throughput: 'steady', breakingPoint: 'stress', recovery: 'stress', errorBudget: 'slo' };

/** The results with each compared figure as a check on the suite that measured it (its outcome recombined). */
export function withTrendChecks(results: readonly SuiteResult[], from: RunFigures['from'], rows: readonly TrendRow[]): SuiteResult[] {
  return results.map((result, i) => {
    const checks = rows.filter((r) => from[SOURCE[r.figure]] === i).map(trendCheck);
    if (checks.length === 0) return result;
    return { ...result, checks: [...result.checks, ...checks], outcome: combineOutcomes([result.outcome, ...checks.map((c) => c.outcome)]) } as SuiteResult;
  });
}
