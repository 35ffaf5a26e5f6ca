import type { Slo } from './model.ts';

/** Human forms of SLI values and objectives (pure). */

export function percent(fraction: number, digits = 3): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  return `${Number((fraction * 100).toFixed(digits))}%`;
}

export function formatValue(slo: Slo, value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (slo.sli.kind === 'ratio') return percent(value);
  switch (slo.sli.unit) {
    case 'seconds': return value < 1 ? `${Number((value * 1000).toFixed(1))} ms` : `${Number(value.toFixed(3))} s`;
    case 'ratio': return percent(value);
    default: return String(Number(value.toFixed(4)));
  }
}

/** The SLI value as shown: ratio SLIs show the good fraction, or the bad fraction for `bad-ratio` SLOs. */
export function shownValue(slo: Slo, goodFractionOrValue: number): number {
  return slo.sli.kind === 'ratio' && slo.display === 'bad-ratio' ? 1 - goodFractionOrValue : goodFractionOrValue;
}

export function objectiveText(slo: Slo): string {
  if (slo.sli.kind === 'ratio') {
    return slo.display === 'bad-ratio' ? `<= ${percent(1 - slo.objective)}` : `>= ${percent(slo.objective)}`;
  }
  return `${slo.sli.op} ${formatValue(slo, slo.objective)}`;
}
