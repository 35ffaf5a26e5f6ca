import type { Outcome } from '../../core/result.ts';

/** What the HTML page draws, read from a report's suite data by reports/html/read-*.ts. */

export interface LoadPoint {
  /** Unix seconds. */
  readonly t: number;
  readonly rps: number;
  readonly errorRate: number;
  readonly p50Ms?: number | undefined;
  readonly p90Ms?: number | undefined;
  readonly p95Ms?: number | undefined;
  readonly p99Ms?: number | undefined;
  readonly vus?: number | undefined;
}

export interface LoadSeries {
  readonly scenario: string;
  readonly points: readonly LoadPoint[];
}

export interface StressPoint {
  readonly rps: number;
  readonly p95Ms: number;
  readonly errorRate: number;
  readonly vus?: number | undefined;
}

export interface BreakingPoint {
  readonly rps: number;
  readonly vus?: number | undefined;
  readonly errorRate?: number | undefined;
  readonly recoverySeconds?: number | undefined;
}

export interface StressCurve {
  readonly scenario: string;
  readonly points: readonly StressPoint[];
  readonly breakingPoint?: BreakingPoint | undefined;
}

export interface SloRow {
  readonly id: string;
  readonly name: string;
  readonly service?: string | undefined;
  /** Display text (e.g. `99.9%`, `500 ms`). */
  readonly objective: string;
  readonly value: string;
  /** The SLI as measured, in the SLO's own unit (undefined: no data). */
  readonly sli?: number | undefined;
  readonly outcome: Outcome;
  /** Error budget remaining as a fraction of the total (may be negative when overspent). */
  readonly budgetRemaining?: number | undefined;
  readonly budgetConsumed?: number | undefined;
}

export interface ContractCell {
  readonly consumer: string;
  readonly provider: string;
  readonly kind?: string | undefined;
  readonly outcome: Outcome;
  readonly note?: string | undefined;
}

/** One uPlot chart: x values, series, and vertical marks (e.g. the breaking point). */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** x is unix seconds (time axis) or a plain number (req/s). */
  readonly xTime: boolean;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly number[];
  readonly series: readonly { label: string; values: readonly (number | null)[]; color: string; scale?: 'y' | 'y2' }[];
  readonly y2Label?: string;
  readonly marks?: readonly { x: number; label: string }[];
}
