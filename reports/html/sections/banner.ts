import type { RunReport } from '../../../core/result.ts';
import { formatCheckLine, notableChecks, oneLine } from '../../failure-line.ts';
import { esc, seconds } from '../escape.ts';

const TITLES: Record<RunReport['verdict'], string> = {
  pass: 'PASS: fit to ship',
  warn: 'PASS with warnings',
  fail: 'FAIL: not fit to ship',
  inconclusive: 'INCONCLUSIVE: no verdict (unreachable or no data), not a pass',
  skip: 'INCONCLUSIVE: nothing ran',
};

/** Every line explaining a verdict that is not a clean pass: failing, inconclusive, then warning checks, then suite reasons. */
export function failureLines(report: RunReport): string[] {
  const lines: string[] = [];
  for (const outcome of ['fail', 'inconclusive', 'warn'] as const) {
    for (const suite of report.suites) {
      for (const check of notableChecks(suite)) if (check.outcome === outcome) lines.push(formatCheckLine(suite.suite, check));
    }
  }
  for (const suite of report.suites) {
    if (suite.reason && suite.outcome !== 'pass') lines.push(`${suite.outcome.toUpperCase()} ${suite.suite}: ${oneLine(suite.reason)}`);
  }
  return lines;
}

/** The top of the page: the verdict, and for a failed run what failed and why. */
export function renderBanner(report: RunReport): string {
  const title = report.interrupted ? `INTERRUPTED (exit ${report.exitCode}): partial report` : TITLES[report.verdict];
  const cls = report.interrupted ? 'interrupted' : report.verdict;
  const lines = report.verdict === 'pass' && !report.interrupted ? [] : failureLines(report);
  const shown = lines.slice(0, 40);
  const more = lines.length > shown.length ? `<li>… and ${lines.length - shown.length} more below</li>` : '';
  const meta = [
    `run ${report.runId}`,
    `env ${report.env}`,
    report.target ? `target ${report.target}` : '',
    report.profile ? `profile ${report.profile}` : '',
    `exit ${report.exitCode}`,
    seconds(report.durationMs),
    report.startedAt,
  ].filter(Boolean);
  return `<section id="verdict" class="verdict verdict-${esc(cls)}" data-verdict="${esc(report.verdict)}" data-exit-code="${report.exitCode}">
<h1>${esc(title)}</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>
${shown.length > 0 ? `<ul id="failures" class="failures">${shown.map((l) => `<li>${esc(l)}</li>`).join('')}${more}</ul>` : ''}
</section>`;
}
