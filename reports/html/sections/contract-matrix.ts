import { combineOutcomes, type SuiteResult } from '../../../core/result.ts';
import { esc } from '../escape.ts';
import type { ContractCell } from '../model.ts';

/** The contract matrix: consumers down, providers across; each cell the pair's outcome (HTTP and message). */
export function renderContractMatrix(contracts: SuiteResult | undefined, cells: readonly ContractCell[]): string {
  if (!contracts || contracts.outcome === 'skip') {
    return `<section id="contracts"><h2>Contracts</h2><p class="muted">${esc(contracts?.reason ? `skipped: ${contracts.reason}` : 'contracts did not run')}</p></section>`;
  }
  if (cells.length === 0) {
    return `<section id="contracts"><h2>Contracts</h2><p class="muted">the contracts suite reported no consumer/provider pairs</p></section>`;
  }
  const consumers = [...new Set(cells.map((c) => c.consumer))].sort();
  const providers = [...new Set(cells.map((c) => c.provider))].sort();
  const header = `<tr><th>consumer \\ provider</th>${providers.map((p) => `<th>${esc(p)}</th>`).join('')}</tr>`;
  const rows = consumers.map((consumer) => {
    const tds = providers.map((provider) => {
      const here = cells.filter((c) => c.consumer === consumer && c.provider === provider);
      if (here.length === 0) return '<td class="empty"></td>';
      const outcome = combineOutcomes(here.map((c) => c.outcome));
      const kinds = [...new Set(here.flatMap((c) => (c.kind ?? '').split('+')).filter(Boolean))].sort().join('+');
      const notes = here.map((c) => c.note).filter(Boolean).join('; ');
      return `<td class="cell o-${esc(outcome)}" data-consumer="${esc(consumer)}" data-provider="${esc(provider)}" title="${esc(notes)}">`
        + `<span class="badge b-${esc(outcome)}">${esc(outcome)}</span>${kinds ? ` <small>${esc(kinds)}</small>` : ''}${notes ? `<div class="note">${esc(notes)}</div>` : ''}</td>`;
    });
    return `<tr><th>${esc(consumer)}</th>${tds.join('')}</tr>`;
  });
  return `<section id="contracts"><h2>Contracts</h2>
<table class="matrix"><thead>${header}</thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}
