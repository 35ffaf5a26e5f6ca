import { SCENARIOS_START_METRIC } from '../../lib/defaults.ts';

/** One k6 metric sample, as read from k6's JSON or CSV output (only the fields the analyzer uses). */
export interface K6Sample {
  readonly metric: string;
  /** Unix time in milliseconds. */
  readonly timeMs: number;
  readonly value: number;
  readonly tags: Readonly<Record<string, string | undefined>>;
}


/** The metrics the analyzer reads; every other line is skipped before parsing. */
export const ANALYZED_METRICS: ReadonlySet<string> = new Set(['http_req_duration', 'dropped_iterations', 'vus', SCENARIOS_START_METRIC]);
