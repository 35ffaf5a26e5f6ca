import type { RunReport } from '../core/result.ts';
import { countOutcomes, formatCheckLine, notableChecks, oneLine } from './failure-line.ts';
import { redactReport } from './redact-report.ts';

const HEADER = ['suite', 'outcome', 'pass', 'warn', 'fail', 'inconc', 'skip', 'time'] as const;

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)}s` : `${(ms / 1000).toFixed(1)}s`;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((row) =>
    row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd(),
  );
}

/** `trend: 2 runs (...); breaking point 943 -> 812 req/s`: the trend's reason and the breaking point over the runs. */
function trendLine(report: RunReport): string {
  const trend = report.trend!;
  const points = trend.nights.map((n) => n.figures.breakingPointRps).filter((v): v is number => v !== null).map((v) => Math.round(v).toLocaleString('en-US'));
  const steps = trend.rows.filter((r) => !r.ok).length;
  return `trend: ${trend.nights.length} run(s); ${oneLine(trend.reason)}${trend.judged ? `, ${steps} step change(s)` : ''}${points.length > 0 ? `; breaking point ${points.join(' -> ')} req/s` : ''}`;
}

/**
 * A compact console summary: one row per suite with outcome counts, then ONE line per check that
 * did not pass (service, URL, reason), then the verdict and exit code.
 */
export function formatConsoleTable(unredacted: RunReport): string {
  const report = redactReport(unredacted);
  const rows: string[][] = [[...HEADER]];
  for (const suite of report.suites) {
    const c = countOutcomes(suite.checks);
    rows.push([suite.suite, suite.outcome, ...[c.pass, c.warn, c.fail, c.inconclusive, c.skip].map(String), formatSeconds(suite.durationMs)]);
  }
  const lines = report.suites.length > 0 ? table(rows) : ['(no suite ran)'];
  for (const suite of report.suites) {
    if (suite.reason) lines.push(`${suite.outcome.toUpperCase()} ${suite.suite}: ${oneLine(suite.reason)}`);
    for (const check of notableChecks(suite)) lines.push(formatCheckLine(suite.suite, check));
  }
  if (report.trend) lines.push(trendLine(report));
  const interrupted = report.interrupted ? ' (interrupted)' : '';
  lines.push(`verdict: ${report.verdict.toUpperCase()}${interrupted}  exit ${report.exitCode}  env ${report.env}  ${formatSeconds(report.durationMs)}  run ${report.runId}`);
  return lines.join('\n');
}
