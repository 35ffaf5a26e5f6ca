import type { SloTableRow } from './data.ts';
import { percent } from './format.ts';

/** A plain-text evaluation table for the terminal and the closing notes (pure). */

const rate = (r: number | undefined) => (r === undefined ? '-' : r >= 100 ? r.toFixed(0) : r.toFixed(2));

function burnText(row: SloTableRow): string {
  if (row.burn.length === 0) return '-';
  const firing = row.burn.filter((b) => b.firing).map((b) => `${b.severity.toUpperCase()}(${b.longWindow}/${b.shortWindow}>${b.factor}x)`);
  const rates = row.burn.map((b) => `${b.longWindow}:${rate(b.longRate)}`).join(' ');
  return firing.length > 0 ? `${rates} ${firing.join(' ')}` : rates;
}

export function formatSloTable(rows: readonly SloTableRow[]): string {
  const header = ['slo', 'key', 'objective', 'value', 'outcome', 'budget left', 'burn rate (long windows)', 'reason'];
  const cells = rows.map((r) => [
    r.id,
    r.key ? 'key' : `w${r.weight}`,
    r.objective,
    r.value,
    r.sloOutcome === r.outcome || r.sloOutcome === 'no-data' ? r.sloOutcome : `${r.sloOutcome}->${r.outcome}`,
    r.budgetRemaining === undefined ? '-' : `${percent(r.budgetRemaining, 1)} of ${r.budgetPeriod}`,
    burnText(r),
    r.reason,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => Math.min(c[i]!.length, i === 7 ? 200 : 60))));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...cells.map(line)].join('\n');
}
