import type { Segment } from './segments.ts';

/**
 * The k6 command line for one instance. Only tags the analyzer and thresholds use are kept (smaller
 * raw files, faster analysis); the script sees only the --env values given here, never the
 * runner's own environment.
 */
export const SUMMARY_TREND_STATS = 'avg,min,med,max,p(90),p(95),p(99),count';
export const SYSTEM_TAGS = 'status,expected_response,scenario,method,name,group,error_code';

export interface K6RunArgs {
  readonly script: string;
  readonly rawFile: string;
  readonly format: 'json' | 'csv';
  readonly summaryFile: string;
  readonly env: Readonly<Record<string, string>>;
  readonly segment: Segment | undefined;
  /** Extra test-wide tags (e.g. instance, testid). */
  readonly tags: Readonly<Record<string, string>>;
  readonly prometheusRw: boolean;
}

export function envArgs(env: Readonly<Record<string, string>>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
}

export function k6RunArgs(a: K6RunArgs): string[] {
  return [
    'run',
    a.script,
    '--out', `${a.format}=${a.rawFile}`,
    ...(a.prometheusRw ? ['--out', 'experimental-prometheus-rw'] : []),
    '--summary-export', a.summaryFile,
    '--summary-trend-stats', SUMMARY_TREND_STATS,
    '--system-tags', SYSTEM_TAGS,
    '--include-system-env-vars=false',
    '--no-usage-report',
    '--no-color',
    ...(a.segment ? ['--execution-segment', a.segment.segment, '--execution-segment-sequence', a.segment.sequence] : []),
    ...Object.entries(a.tags).flatMap(([k, v]) => ['--tag', `${k}=${v}`]),
    ...envArgs(a.env),
  ];
}

/** `k6 inspect` with the same settings: k6's own resolution of the scenarios (and an early config check). */
export function k6InspectArgs(script: string, env: Readonly<Record<string, string>>): string[] {
  return ['inspect', script, '--include-system-env-vars=false', ...envArgs(env)];
}

/** k6's remote-write output is configured through the process environment. */
export function prometheusRwEnv(url: string): Record<string, string> {
  return {
    K6_PROMETHEUS_RW_SERVER_URL: url,
    K6_PROMETHEUS_RW_TREND_STATS: 'p(50),p(95),p(99),min,max,avg,count',
    K6_PROMETHEUS_RW_PUSH_INTERVAL: '1s',
  };
}
