import { Outcome, suiteData, type RunReport, type SuiteData } from '../core/result.ts';
import { countOutcomes } from '../reports/failure-line.ts';

/** One gauge sample for the Pushgateway: `tracseq_validation_*`. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export const METRIC_HELP: Readonly<Record<string, string>> = {
  tracseq_validation_run_exit_code: 'Exit code of the last gate run (0 pass, 1 failed, 2 config, 3 unreachable/no data, 70 internal, 130/143 interrupted).',
  tracseq_validation_run_outcome: '1 for the last run verdict (pass|warn|fail|inconclusive|skip), 0 for the others.',
  tracseq_validation_run_duration_seconds: 'Wall time of the last gate run.',
  tracseq_validation_run_timestamp_seconds: 'When the last gate run finished (Unix time).',
  tracseq_validation_suite_outcome: '1 for the suite outcome of the last run, 0 for the others.',
  tracseq_validation_suite_duration_seconds: 'Wall time of each suite in the last run.',
  tracseq_validation_checks: 'Checks per suite and outcome in the last run.',
  tracseq_validation_sli_value: 'SLI value measured by the SLO suite (in the SLO unit: ratio, seconds, count).',
  tracseq_validation_error_budget_remaining_ratio: 'Error budget remaining as a fraction of the total (negative when overspent).',
  tracseq_validation_load_rps: 'Average req/s k6 achieved over each load run.',
  tracseq_validation_load_error_ratio: 'Error rate (5xx and failed requests, 429s apart) over each load run.',
  tracseq_validation_load_p95_seconds: 'p95 latency over each load run.',
  tracseq_validation_load_service_p95_seconds: 'p95 latency of each service over each load run.',
  tracseq_validation_load_service_p99_seconds: 'p99 latency of each service over each load run.',
  tracseq_validation_breaking_point_rps: 'Stress breaking point: the highest sustained req/s within the error and latency limits.',
  tracseq_validation_breaking_point_vus: 'Concurrent virtual users when the system broke.',
  tracseq_validation_breaking_point_error_ratio: 'Error rate at the breaking point.',
  tracseq_validation_recovery_seconds: 'Time to recover after the stress load fell back.',
  tracseq_validation_error_budget_left_min_ratio: 'The lowest error budget remaining over the SLOs (the run history figure).',
  tracseq_validation_trend_runs: 'Runs of this target, env and profile the trend was drawn over (this run included).',
  tracseq_validation_trend_step_changes: 'Key figures of the last run that made a step change against the trend (0 when not compared).',
};

const oneHot = (name: string, labels: Record<string, string>, actual: string): MetricSample[] =>
  Outcome.options.map((outcome) => ({ name, labels: { ...labels, outcome }, value: outcome === actual ? 1 : 0 }));

/** A load run's figures and, for stress, its breaking point (load/run/data.ts). */
function loadSamples(data: SuiteData<'load'>, labels: Record<string, string>): MetricSample[] {
  const samples: MetricSample[] = [];
  const push = (name: string, value: number | null) => { if (value !== null) samples.push({ name, labels, value }); };
  if (data.overall.requests > 0) {
    push('tracseq_validation_load_rps', data.overall.rps);
    push('tracseq_validation_load_error_ratio', data.overall.errorRate);
    push('tracseq_validation_load_p95_seconds', data.overall.latency.p95 === null ? null : data.overall.latency.p95 / 1000);
    for (const s of data.services) {
      const service = { ...labels, service: s.service };
      if (s.latency.p95 !== null) samples.push({ name: 'tracseq_validation_load_service_p95_seconds', labels: service, value: s.latency.p95 / 1000 });
      if (s.latency.p99 !== null) samples.push({ name: 'tracseq_validation_load_service_p99_seconds', labels: service, value: s.latency.p99 / 1000 });
    }
  }
  const table = data.stress?.table;
  if (table) {
    push('tracseq_validation_breaking_point_rps', table.breakingPointRps);
    push('tracseq_validation_breaking_point_vus', table.vusAtBreak);
    push('tracseq_validation_breaking_point_error_ratio', table.errorRateAtBreak);
    push('tracseq_validation_recovery_seconds', table.recoveryTimeS);
  }
  return samples;
}

/** Per SLO: the SLI as measured and the error budget remaining (slo/data.ts). */
function sloSamples(data: SuiteData<'slo'>): MetricSample[] {
  return data.slos.flatMap((row) => {
    const labels = { slo: row.id, service: row.service };
    return [
      ...(row.rawValue !== undefined ? [{ name: 'tracseq_validation_sli_value', labels, value: row.rawValue }] : []),
      ...(row.budgetRemaining !== undefined ? [{ name: 'tracseq_validation_error_budget_remaining_ratio', labels, value: row.budgetRemaining }] : []),
    ];
  });
}

/** The run's history figures (gate/history/): how many runs the trend spans, its step changes, the lowest budget left. */
function trendSamples(report: RunReport): MetricSample[] {
  const trend = report.trend;
  const current = trend?.nights.find((n) => n.runId === report.runId);
  if (!trend || !current) return [];
  return [
    { name: 'tracseq_validation_trend_runs', labels: {}, value: trend.nights.length },
    { name: 'tracseq_validation_trend_step_changes', labels: {}, value: trend.rows.filter((r) => !r.ok).length },
    ...(current.figures.errorBudgetLeft !== null ? [{ name: 'tracseq_validation_error_budget_left_min_ratio', labels: {}, value: current.figures.errorBudgetLeft }] : []),
  ];
}

/**
 * The gauges a run report yields: run and suite outcome and duration, SLI values, budgets, breaking
 * point. Suite data is read through each suite's schema: data that does not match throws, naming the field.
 */
export function runMetrics(report: RunReport): MetricSample[] {
  const samples: MetricSample[] = [
    { name: 'tracseq_validation_run_exit_code', labels: {}, value: report.exitCode },
    ...oneHot('tracseq_validation_run_outcome', {}, report.verdict),
    { name: 'tracseq_validation_run_duration_seconds', labels: {}, value: report.durationMs / 1000 },
    { name: 'tracseq_validation_run_timestamp_seconds', labels: {}, value: Date.parse(report.finishedAt) / 1000 },
  ];
  const seen = new Map<string, number>();
  for (const suite of report.suites) {
    const load = suite.suite === 'load' ? suiteData(suite) : undefined;
    const scenario = suite.suite === 'load' ? (load?.scenario ?? 'load') : '';
    const key = `${suite.suite}/${scenario}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const labels = { suite: suite.suite, ...(scenario ? { scenario: n > 1 ? `${scenario}-${n}` : scenario } : {}) };
    samples.push(...oneHot('tracseq_validation_suite_outcome', labels, suite.outcome));
    samples.push({ name: 'tracseq_validation_suite_duration_seconds', labels, value: suite.durationMs / 1000 });
    const counts = countOutcomes(suite.checks);
    for (const outcome of Outcome.options) samples.push({ name: 'tracseq_validation_checks', labels: { ...labels, outcome }, value: counts[outcome] });
    if (load) samples.push(...loadSamples(load, labels));
    const slo = suite.suite === 'slo' ? suiteData(suite) : undefined;
    if (slo) samples.push(...sloSamples(slo));
  }
  return [...samples, ...trendSamples(report)];
}
