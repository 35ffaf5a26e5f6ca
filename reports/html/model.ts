import type { Outcome } from '../../core/result.ts';

/** What the HTML page draws, read from a report's suite data by reports/html/read-*.ts. */

export interface LoadPoint {
  /** Unix seconds. */
  readonly t: number;
  readonly rps: number;
  readonly errorRate: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly vus?: number | undefined;
}

export interface LoadSeries {
  readonly scenario: string;
  readonly points: readonly LoadPoint[];
}

export interface StressPoint {
  /** Unix seconds. */
  readonly t: number;
  /** The rate the scenario offered at that second (null when unknown). */
  readonly offeredRps: number | null;
  readonly rps: number;
  readonly p95Ms: number | null;
  readonly errorRate: number;
}

/** The seeds' stress table (breaking point, max users, error rate at breaking, recovery), as measured. */
export interface BreakingPoint {
  /** Highest req/s sustained within the criteria; null: unhealthy from the start. */
  readonly rps: number | null;
  readonly broke: boolean;
  /** When the break began (Unix seconds). */
  readonly breakAt?: number | undefined;
  readonly vusAtBreak?: number | undefined;
  readonly maxConcurrentVus?: number | undefined;
  readonly errorRate?: number | undefined;
  readonly p95Ms?: number | undefined;
  readonly recovered?: boolean | undefined;
  readonly recoverySeconds?: number | undefined;
  readonly totalRequests?: number | undefined;
  readonly durationS?: number | undefined;
  readonly averageRps?: number | undefined;
  /** Why iterations were dropped at the break: the VU budget or the generator (stress-table.ts). */
  readonly limitedBy?: string | undefined;
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
  /** Vertical marks at an x value (e.g. when the system broke). */
  readonly marks?: readonly { x: number; label: string }[];
  /** Horizontal marks at a y value on the left scale (e.g. the breaking-point rate). */
  readonly levels?: readonly { y: number; label: string }[];
}
