import type { RunReport } from '../../../core/result.ts';
import { countOutcomes, oneLine } from '../../failure-line.ts';
import { esc, seconds } from '../escape.ts';

/** One row per suite: outcome, check counts, time, and why it was skipped or stopped. */
export function renderOverview(report: RunReport): string {
  const rows = report.suites.map((s) => {
    const c = countOutcomes(s.checks);
    return `<tr class="o-${esc(s.outcome)}"><td>${esc(s.suite)}</td><td><span class="badge b-${esc(s.outcome)}">${esc(s.outcome)}</span></td>`
      + `<td>${c.pass}</td><td>${c.warn}</td><td>${c.fail}</td><td>${c.inconclusive}</td><td>${seconds(s.durationMs)}</td><td>${esc(oneLine(s.reason ?? ''))}</td></tr>`;
  });
  return `<section id="suites"><h2>Suites</h2>
<table><thead><tr><th>suite</th><th>outcome</th><th>pass</th><th>warn</th><th>fail</th><th>inconclusive</th><th>time</th><th>reason</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}
