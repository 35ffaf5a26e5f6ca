import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunReport } from '../core/result.ts';
import { METRIC_HELP, runMetrics } from './run-metrics.ts';

const fixture = (name: string) => RunReport.parse(JSON.parse(readFileSync(new URL(`../testdata/reports/${name}`, import.meta.url), 'utf8')));

describe('the metrics a run pushes', () => {
  const samples = runMetrics(fixture('gate-nightly-warn.json'));
  const find = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

  it('names every metric tracseq_validation_* with help text', () => {
    for (const s of samples) {
      expect(s.name).toMatch(/^tracseq_validation_[a-z0-9_]+$/);
      expect(METRIC_HELP[s.name], s.name).toBeDefined();
    }
  });

  it('marks exactly one outcome per run and per suite', () => {
    expect(find('tracseq_validation_run_outcome').filter((s) => s.value === 1).map((s) => s.labels['outcome'])).toEqual(['warn']);
    const suiteHot = find('tracseq_validation_suite_outcome').filter((s) => s.value === 1).map((s) => `${s.labels['suite']}${s.labels['scenario'] ? `/${s.labels['scenario']}` : ''}=${s.labels['outcome']}`);
    expect(suiteHot).toEqual(['smoke=pass', 'contracts=pass', 'load/load=pass', 'load/stress=pass', 'slo=warn']);
    expect(find('tracseq_validation_load_rps', { scenario: 'load' })[0]?.value).toBe(900);
    expect(find('tracseq_validation_load_p95_seconds', { scenario: 'load' })[0]?.value).toBe(0.0185);
  });

  it('carries the breaking point, the SLI values and the budget remaining', () => {
    expect(find('tracseq_validation_breaking_point_rps').map((s) => [s.labels['scenario'], s.value])).toEqual([['stress', 1800]]);
    expect(find('tracseq_validation_breaking_point_vus')[0]?.value).toBe(118);
    expect(find('tracseq_validation_recovery_seconds')[0]?.value).toBe(7);
    expect(find('tracseq_validation_sli_value', { slo: 'api-gateway-latency-p95' })[0]?.value).toBe(0.021);
    expect(find('tracseq_validation_error_budget_remaining_ratio').map((s) => s.value)).toEqual([0.6, 0.9, 0.2]);
  });

  it('a failed run that stopped at smoke pushes its exit code and no SLO series', () => {
    const failed = runMetrics(fixture('gate-deploy-fail.json'));
    expect(failed.find((s) => s.name === 'tracseq_validation_run_exit_code')?.value).toBe(1);
    expect(failed.some((s) => s.name === 'tracseq_validation_sli_value')).toBe(false);
    expect(failed.filter((s) => s.name === 'tracseq_validation_suite_outcome' && s.value === 1).map((s) => `${s.labels['suite']}=${s.labels['outcome']}`))
      .toEqual(['smoke=fail', 'contracts=pass', 'load=skip', 'slo=skip']);
  });
});
