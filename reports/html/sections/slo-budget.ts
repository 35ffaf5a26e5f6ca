import type { SuiteResult } from '../../../core/result.ts';
import { esc, num } from '../escape.ts';
import type { SloTableRow } from '../../../slo/data.ts';

function bar(row: SloTableRow): string {
  if (row.budgetRemaining === undefined) return '<div class="budget none">no budget data</div>';
  const remaining = Math.max(0, Math.min(1, row.budgetRemaining));
  const pct = num(row.budgetRemaining * 100, 1);
  const cls = row.budgetRemaining <= 0 ? 'spent' : row.budgetRemaining < 0.25 ? 'low' : 'ok';
  return `<div class="budget ${cls}" role="img" aria-label="${esc(row.name)} error budget ${pct}% remaining">`
    + `<div class="budget-fill" style="width:${num(remaining * 100, 2)}%" data-remaining="${num(row.budgetRemaining, 4)}"></div>`
    + `<span class="budget-label">${pct}% left</span></div>`;
}

/** Per SLO: the SLI against its objective, the outcome, and a bar of the error budget remaining. */
export function renderSloBudget(slo: SuiteResult | undefined, rows: readonly SloTableRow[]): string {
  if (!slo || slo.outcome === 'skip') {
    return `<section id="slo"><h2>SLOs and error budget</h2><p class="muted">${esc(slo?.reason ? `skipped: ${slo.reason}` : 'the SLO suite did not run')}</p></section>`;
  }
  if (rows.length === 0) return `<section id="slo"><h2>SLOs and error budget</h2><p class="muted">the SLO suite reported no SLOs</p></section>`;
  const trs = rows.map((r) => `<tr class="slo-row o-${esc(r.outcome)}"><td>${esc(r.service)}</td><td>${esc(r.name)}</td><td>${esc(r.value)}</td><td>${esc(r.objective)}</td>`
    + `<td><span class="badge b-${esc(r.outcome)}">${esc(r.outcome)}</span></td><td class="budget-cell">${bar(r)}</td></tr>`);
  return `<section id="slo"><h2>SLOs and error budget</h2>
<table class="slo-table"><thead><tr><th>service</th><th>SLO</th><th>value</th><th>objective</th><th>outcome</th><th>error budget remaining</th></tr></thead>
<tbody>${trs.join('\n')}</tbody></table></section>`;
}
