import { Outcome, type RunReport } from '../core/result.ts';
import { countOutcomes } from '../reports/failure-line.ts';
import { loadScenario, readLoadOverall, readStressCurve } from '../reports/html/read-load.ts';
import { readSloRows } from '../reports/html/read-slo.ts';

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
  tracseq_validation_breaking_point_rps: 'Stress breaking point: the highest sustained req/s within the error and latency limits.',
  tracseq_validation_breaking_point_vus: 'Concurrent virtual users when the system broke.',
  tracseq_validation_breaking_point_error_ratio: 'Error rate at the breaking point.',
  tracseq_validation_recovery_seconds: 'Time to recover after the stress load fell back.',
};

const oneHot = (name: string, labels: Record<string, string>, actual: string): MetricSample[] =>
  Outcome.options.map((outcome) => ({ name, labels: { ...labels, outcome }, value: outcome === actual ? 1 : 0 }));

/** The gauges a run report yields: run and suite outcome and duration, SLI values, budgets, breaking point. */
export function runMetrics(report: RunReport): MetricSample[] {
  const samples: MetricSample[] = [
    { name: 'tracseq_validation_run_exit_code', labels: {}, value: report.exitCode },
    ...oneHot('tracseq_validation_run_outcome', {}, report.verdict),
    { name: 'tracseq_validation_run_duration_seconds', labels: {}, value: report.durationMs / 1000 },
    { name: 'tracseq_validation_run_timestamp_seconds', labels: {}, value: Date.parse(report.finishedAt) / 1000 },
  ];
  const seen = new Map<string, number>();
  for (const suite of report.suites) {
    const scenario = suite.suite === 'load' ? loadScenario(suite) : '';
    const key = `${suite.suite}/${scenario}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const labels = { suite: suite.suite, ...(scenario ? { scenario: n > 1 ? `${scenario}-${n}` : scenario } : {}) };
    samples.push(...oneHot('tracseq_validation_suite_outcome', labels, suite.outcome));
    samples.push({ name: 'tracseq_validation_suite_duration_seconds', labels, value: suite.durationMs / 1000 });
    const counts = countOutcomes(suite.checks);
    for (const outcome of Outcome.options) samples.push({ name: 'tracseq_validation_checks', labels: { ...labels, outcome }, value: counts[outcome] });
    if (suite.suite === 'load') {
      const overall = readLoadOverall(suite);
      if (overall && overall.requests > 0) {
        samples.push({ name: 'tracseq_validation_load_rps', labels, value: overall.rps });
        samples.push({ name: 'tracseq_validation_load_error_ratio', labels, value: overall.errorRate });
        if (overall.latency.p95 !== null) samples.push({ name: 'tracseq_validation_load_p95_seconds', labels, value: overall.latency.p95 / 1000 });
      }
      const bp = readStressCurve(suite)?.breakingPoint;
      if (bp) {
        if (bp.rps !== null) samples.push({ name: 'tracseq_validation_breaking_point_rps', labels, value: bp.rps });
        if (bp.vusAtBreak !== undefined) samples.push({ name: 'tracseq_validation_breaking_point_vus', labels, value: bp.vusAtBreak });
        if (bp.errorRate !== undefined) samples.push({ name: 'tracseq_validation_breaking_point_error_ratio', labels, value: bp.errorRate });
        if (bp.recoverySeconds !== undefined) samples.push({ name: 'tracseq_validation_recovery_seconds', labels, value: bp.recoverySeconds });
      }
    }
    if (suite.suite === 'slo') {
      for (const row of readSloRows(suite)) {
        const sloLabels = { slo: row.id, service: row.service ?? '' };
        if (row.sli !== undefined) samples.push({ name: 'tracseq_validation_sli_value', labels: sloLabels, value: row.sli });
        if (row.budgetRemaining !== undefined) samples.push({ name: 'tracseq_validation_error_budget_remaining_ratio', labels: sloLabels, value: row.budgetRemaining });
      }
    }
  }
  return samples;
}
