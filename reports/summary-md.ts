import type { RunReport, SuiteResult } from '../core/result.ts';
import { formatSeconds } from './console.ts';
import { checkReason, checkUrl, countOutcomes, notableChecks, oneLine } from './failure-line.ts';

const ICON: Record<SuiteResult['outcome'], string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔', skip: '⏭️' };

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function suiteRows(report: RunReport): string[] {
  return report.suites.map((s) => {
    const c = countOutcomes(s.checks);
    return `| ${ICON[s.outcome]} ${s.suite} | ${s.outcome} | ${c.pass} | ${c.warn} | ${c.fail} | ${c.inconclusive} | ${c.skip} | ${formatSeconds(s.durationMs)} |`;
  });
}

function problemRows(report: RunReport): string[] {
  return report.suites.flatMap((s) =>
    notableChecks(s).map((c) => {
      const kind = c.failure ? `${c.failure.kind}${c.failure.field ? ` (${c.failure.field})` : ''}` : '';
      return `| ${c.outcome} | ${s.suite} | ${cell(c.service ?? '-')} | ${cell(c.name)} | ${cell(checkUrl(c) ?? '')} | ${cell(kind)} | ${cell(checkReason(c))} |`;
    }),
  );
}

function diffs(report: RunReport): string[] {
  return report.suites.flatMap((s) =>
    s.checks.filter((c) => c.failure?.diff).flatMap((c) => [
      `<details><summary>${cell(`${s.suite} ${c.service ?? ''} ${c.name}`)}</summary>`, '', '```diff', c.failure?.diff ?? '', '```', '', '</details>', '',
    ]),
  );
}

const fig = (v: number | null, digits = 0) => (v === null ? '-' : v.toFixed(digits));

/** The runs the trend spans, oldest first, this run in bold, and what it judged. */
function trendRows(report: RunReport): string[] {
  const trend = report.trend;
  if (!trend) return [];
  const rows = trend.nights.map((n) => {
    const mark = (text: string) => (n.runId === report.runId ? `**${text}**` : text);
    const f = n.figures;
    return `| ${mark(cell(n.at.slice(0, 16).replace('T', ' ')))} | ${ICON[n.verdict]} ${n.verdict} | ${fig(f.throughputRps, 1)} | ${fig(f.breakingPointRps)} | ${fig(f.recoveryS, 1)} | ${f.errorBudgetLeft === null ? '-' : `${(f.errorBudgetLeft * 100).toFixed(1)}%`} | ${cell(n.regressions.join('; ') || '-')} |`;
  });
  return [`**Trend** over ${trend.nights.length} run(s): ${cell(trend.reason)}`, '', '| run | verdict | req/s | breaking point | recovery s | budget left | step changes |', '|---|---|--:|--:|--:|--:|---|', ...rows, ''];
}

/** The job/pull-request summary: verdict, one row per suite, every non-passing check, then any diffs. */
export function renderSummaryMarkdown(report: RunReport): string {
  const out = [
    `## ${ICON[report.verdict]} tracseq-validate ${report.command}: ${report.verdict.toUpperCase()}${report.interrupted ? ' (interrupted)' : ''}`,
    '',
    `env \`${report.env}\`${report.target ? ` · target \`${report.target}\`` : ''}${report.profile ? ` · profile \`${report.profile}\`` : ''} · exit ${report.exitCode} · ${formatSeconds(report.durationMs)} · run \`${report.runId}\``,
    '',
  ];
  if (report.suites.length === 0) out.push('No suite ran: nothing was measured, so nothing passed.', '');
  else out.push('| suite | outcome | pass | warn | fail | inconclusive | skip | time |', '|---|---|--:|--:|--:|--:|--:|--:|', ...suiteRows(report), '');
  const reasons = report.suites.filter((s) => s.reason).map((s) => `- **${s.suite}**: ${cell(s.reason ?? '')}`);
  if (reasons.length > 0) out.push(...reasons, '');
  const problems = problemRows(report);
  if (problems.length > 0) {
    out.push('| outcome | suite | service | check | url | kind | reason |', '|---|---|---|---|---|---|---|', ...problems, '');
  }
  out.push(...trendRows(report));
  out.push(...diffs(report));
  return `${out.join('\n').trimEnd()}\n`;
}
