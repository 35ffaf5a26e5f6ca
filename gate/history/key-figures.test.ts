import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunReport, type SuiteResult, type SuiteResultOf } from '../../core/result.ts';
import { keyFigures } from './key-figures.ts';

const report = RunReport.parse(JSON.parse(readFileSync(new URL('../../testdata/reports/gate-nightly-warn.json', import.meta.url), 'utf8')));

describe('a run\'s key figures', () => {
  it('come from the steady load step, the stress step and the SLOs, each saying where it came from', () => {
    const steady = report.suites[2] as SuiteResultOf<'load'>;
    const service = { ...steady.data!.overall, service: 'sample-service', latency: { ...steady.data!.overall.latency, p95: 21, p99: 44 } };
    const results: SuiteResult[] = [...report.suites.slice(0, 2), { ...steady, data: { ...steady.data!, services: [service] } }, ...report.suites.slice(3)];
    const { figures, from } = keyFigures(results);
    expect(figures).toEqual({ services: { 'sample-service': { p95: 21, p99: 44 } }, throughputRps: 900, breakingPointRps: 1800, recoveryS: 7, errorBudgetLeft: 0.2 });
    expect(from).toEqual({ steady: 2, stress: 3, slo: 4 });
  });

  it('are null for what the run did not measure (a pr gate: smoke and contracts only)', () => {
    const { figures, from } = keyFigures(report.suites.slice(0, 2));
    expect(figures).toEqual({ services: {}, throughputRps: null, breakingPointRps: null, recoveryS: null, errorBudgetLeft: null });
    expect(from).toEqual({});
  });
});
