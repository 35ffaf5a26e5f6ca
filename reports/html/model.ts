import type { Outcome } from '../../core/result.ts';

/**
 * What the HTML page derives itself (the contract matrix cells, the chart specs). The suite data it
 * reads has its types in each suite's data schema (smoke/data.ts, contracts/data.ts, load/run/data.ts,
 * slo/data.ts); nothing here re-declares them.
 */

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
