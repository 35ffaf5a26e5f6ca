import type { SuiteResult } from '../../../core/result.ts';
import { checkReason, checkUrl } from '../../failure-line.ts';
import { esc } from '../escape.ts';

/** The smoke table: one row per check (service, check, outcome, time, URL, reason). */
export function renderSmokeTable(smoke: SuiteResult | undefined): string {
  if (!smoke || smoke.outcome === 'skip') {
    return `<section id="smoke"><h2>Smoke</h2><p class="muted">${esc(smoke?.reason ? `skipped: ${smoke.reason}` : 'smoke did not run')}</p></section>`;
  }
  const rank = { fail: 0, inconclusive: 1, warn: 2, skip: 3, pass: 4 } as const;
  const checks = [...smoke.checks].sort((a, b) => rank[a.outcome] - rank[b.outcome] || (a.service ?? '').localeCompare(b.service ?? ''));
  const rows = checks.map((c) => {
    const summary = typeof c.detail?.['summary'] === 'string' ? c.detail['summary'] : ''; // e.g. "3 of 3 replicas healthy"
    const reason = c.outcome === 'pass' ? summary : `${checkReason(c)}${c.failure ? ` [${c.failure.kind}${c.failure.field ? ` at ${c.failure.field}` : ''}]` : ''}`;
    return `<tr class="o-${esc(c.outcome)}"><td>${esc(c.service ?? '-')}</td><td>${esc(c.name)}</td><td><span class="badge b-${esc(c.outcome)}">${esc(c.outcome)}</span></td>`
      + `<td class="num">${Math.round(c.durationMs)} ms</td><td class="url">${esc(checkUrl(c) ?? '')}</td><td>${esc(reason)}</td></tr>`;
  });
  return `<section id="smoke"><h2>Smoke</h2>
<table class="smoke-table"><thead><tr><th>service</th><th>check</th><th>outcome</th><th>time</th><th>URL</th><th>reason</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}
