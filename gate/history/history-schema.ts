import { z } from 'zod';
import { Outcome } from '../../core/check.ts';

/**
 * The run history: one line per gate run, appended to reports/history/<target>-<env>-<profile>.jsonl
 * (gate/history/history-file.ts), and the trend a run was judged against, kept in its report so the
 * reports draw it from the report alone. Strict: a line that does not match is refused, naming the
 * file, the line and the field.
 */
const value = z.number().nullable();
const nonNegative = z.number().nonnegative().nullable();

/** A service's latency under the steady load step (ms). */
export const ServiceFigures = z.strictObject({ p95: nonNegative, p99: nonNegative });
export type ServiceFigures = z.infer<typeof ServiceFigures>;

/** A run's key figures: null where the run did not measure one (a suite skipped, no stress step). */
export const KeyFigures = z.strictObject({
  /** Per service, from the steady load step (load, or a nightly's soak). */
  services: z.record(z.string(), ServiceFigures),
  /** Achieved req/s over the steady load step. */
  throughputRps: nonNegative,
  /** The stress step's breaking point (req/s). */
  breakingPointRps: nonNegative,
  /** Seconds the system took to recover after the stress load fell back. */
  recoveryS: nonNegative,
  /** The lowest error budget remaining over the SLOs, as a fraction of the budget (negative: overspent). */
  errorBudgetLeft: value,
});
export type KeyFigures = z.infer<typeof KeyFigures>;

export const HistoryEntry = z.strictObject({
  version: z.literal(1),
  runId: z.string().min(1),
  /** When the run finished (ISO time). */
  at: z.iso.datetime(),
  target: z.string().min(1),
  env: z.string().min(1),
  profile: z.string().min(1),
  verdict: Outcome,
  exitCode: z.number().int(),
  figures: KeyFigures,
  /** The step changes against the trend this run's verdict named. */
  regressions: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** One figure of this run against the median of the stored nights. */
export const TrendRow = z.strictObject({
  figure: z.enum(['p95', 'p99', 'throughput', 'breakingPoint', 'recovery', 'errorBudget']),
  service: z.string().optional(),
  unit: z.enum(['ms', 'req/s', 's', '%']),
  current: z.number(),
  median: z.number(),
  limit: z.number(),
  criterion: z.string(),
  /** How many stored nights had this figure. */
  nights: z.number().int().positive(),
  ok: z.boolean(),
});
export type TrendRow = z.infer<typeof TrendRow>;

/** The run's place in its history: the nights drawn (oldest first, this run last) and what was compared. */
export const RunTrend = z.strictObject({
  /** The history file the run was appended to. */
  file: z.string(),
  /** Stored nights before this run (at most the profile's `trend.nights`), then this run. */
  nights: z.array(HistoryEntry),
  /** False when nothing was compared (the profile does not, or too few passing nights are stored); `reason` says why. */
  judged: z.boolean(),
  reason: z.string(),
  rows: z.array(TrendRow),
});
export type RunTrend = z.infer<typeof RunTrend>;
