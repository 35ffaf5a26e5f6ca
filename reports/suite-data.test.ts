import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../core/errors.ts';
import { RunReport } from '../core/result.ts';
import { formatIssues } from '../core/zod-issues.ts';
import { runMetrics } from '../gate/run-metrics.ts';
import { loadChartAssets } from './html/assets.ts';
import { renderHtmlReport } from './html/render-page.ts';
import { validateRunReport } from './write-run.ts';

/**
 * Suite data is read through each suite's schema, strictly. A field renamed on one side only (the
 * suite writes `reqPerSec`, the reports read `rps`) must fail loudly, naming the field: it must not
 * quietly drop a chart, a table row or a pushed metric.
 */
const raw = (): { suites: { suite: string; data?: Record<string, unknown> }[] } =>
  JSON.parse(readFileSync(new URL('../testdata/reports/gate-nightly-warn.json', import.meta.url), 'utf8'));

function rename(obj: Record<string, unknown>, from: string, to: string): void {
  expect(obj, `the fixture has ${from}`).toHaveProperty(from);
  obj[to] = obj[from];
  delete obj[from];
}

/** The fixture with the first load run's `overall.rps` renamed to `reqPerSec`. */
function renamedLoadRps() {
  const report = raw();
  const index = report.suites.findIndex((s) => s.suite === 'load');
  rename(report.suites[index]!.data!['overall'] as Record<string, unknown>, 'rps', 'reqPerSec');
  return { report, index };
}

/** The fixture with the first SLO row's `rawValue` (optional: the SLI the metrics push) renamed to `sli`. */
function renamedSloValue() {
  const report = raw();
  const index = report.suites.findIndex((s) => s.suite === 'slo');
  rename((report.suites[index]!.data!['slos'] as Record<string, unknown>[])[0]!, 'rawValue', 'sli');
  return { report, index };
}

const issues = (input: unknown): string[] => {
  const parsed = RunReport.safeParse(input);
  return parsed.success ? [] : formatIssues(parsed.error);
};

describe('a renamed field in suite data fails loudly', () => {
  it('the unchanged fixture parses, so what fails below is the rename', () => {
    expect(issues(raw())).toEqual([]);
  });

  it('reading report.json names a renamed load field and the key it does not know', () => {
    const { report, index } = renamedLoadRps();
    expect(issues(report)).toEqual([
      `suites[${index}].data.overall.rps: Invalid input: expected number, received undefined`,
      `suites[${index}].data.overall: Unrecognized key: "reqPerSec"`,
    ]);
  });

  it('reading report.json names a renamed optional SLO row field instead of dropping it', () => {
    const { report, index } = renamedSloValue();
    expect(issues(report)).toEqual([`suites[${index}].data.slos[0]: Unrecognized key: "sli"`]);
  });

  it('writing the report refuses it as the harness\'s own bug (exit 70), naming the field', () => {
    const { report, index } = renamedLoadRps();
    let error: unknown;
    try {
      validateRunReport(report);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HarnessError);
    expect((error as HarnessError).exitCode).toBe(70);
    expect((error as HarnessError).details).toContain(`report: suites[${index}].data.overall.rps: Invalid input: expected number, received undefined`);
  });

  it('the pushed metrics throw naming the field, even for a report that skipped parsing', () => {
    expect(() => runMetrics(renamedLoadRps().report as unknown as RunReport)).toThrow(/load suite's data does not match its schema: load data: overall\.rps: Invalid input: expected number/);
    expect(() => runMetrics(renamedSloValue().report as unknown as RunReport)).toThrow(/slo suite's data does not match its schema: slo data: slos\[0\]: Unrecognized key: "sli"/);
  });

  it('the HTML page throws naming the field instead of leaving out a chart or an SLO row', () => {
    const assets = loadChartAssets();
    expect(() => renderHtmlReport(renamedLoadRps().report as unknown as RunReport, assets)).toThrow(/load data: overall\.rps/);
    expect(() => renderHtmlReport(renamedSloValue().report as unknown as RunReport, assets)).toThrow(/slo data: slos\[0\]: Unrecognized key: "sli"/);
  });
});
