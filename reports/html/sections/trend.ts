import type { RunReport } from '../../../core/result.ts';
import type { HistoryEntry, KeyFigures } from '../../../gate/history/history-schema.ts';
import { esc, num } from '../escape.ts';
import { trendChart, type TrendSeries } from './trend-chart.ts';

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const one = (label: string, nights: readonly HistoryEntry[], get: (f: KeyFigures) => number | null): TrendSeries[] => [{ label, color: PALETTE[0]!, values: nights.map((n) => get(n.figures)) }];

function perService(nights: readonly HistoryEntry[], which: 'p95' | 'p99'): TrendSeries[] {
  const services = [...new Set(nights.flatMap((n) => Object.keys(n.figures.services)))].sort();
  return services.map((service, i) => ({ label: service, color: PALETTE[i % PALETTE.length]!, values: nights.map((n) => n.figures.services[service]?.[which] ?? null) }));
}

function nightsTable(nights: readonly HistoryEntry[], current: string): string {
  const cell = (v: number | null, digits = 0) => (v === null ? '-' : num(v, digits));
  const rows = nights.map((n) => `<tr class="o-${esc(n.verdict)}${n.runId === current ? ' current' : ''}"><td>${esc(n.at.slice(0, 16).replace('T', ' '))}${n.runId === current ? ' (this run)' : ''}</td>`
    + `<td><span class="badge b-${esc(n.verdict)}">${esc(n.verdict)}</span></td><td class="num">${cell(n.figures.throughputRps, 1)}</td><td class="num">${cell(n.figures.breakingPointRps)}</td>`
    + `<td class="num">${cell(n.figures.recoveryS, 1)}</td><td class="num">${n.figures.errorBudgetLeft === null ? '-' : `${num(n.figures.errorBudgetLeft * 100, 1)}%`}</td><td>${esc(n.regressions.join('; '))}</td></tr>`);
  return `<table class="trend-nights"><thead><tr><th>run</th><th>verdict</th><th>req/s</th><th>breaking point (req/s)</th><th>recovery (s)</th><th>error budget left</th><th>step changes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The run among the last runs of its target, env and profile: one small chart per key figure, this run marked, and what the trend judged. */
export function renderTrend(report: RunReport): string {
  const trend = report.trend;
  if (!trend) return '';
  const nights = trend.nights;
  const current = nights.findIndex((n) => n.runId === report.runId);
  const failed = trend.rows.filter((r) => !r.ok);
  const charts = [
    trendChart('trend-p95', 'p95 per service (steady load)', 'ms', perService(nights, 'p95'), current),
    trendChart('trend-p99', 'p99 per service (steady load)', 'ms', perService(nights, 'p99'), current),
    trendChart('trend-throughput', 'throughput (steady load)', 'req/s', one('req/s', nights, (f) => f.throughputRps), current),
    trendChart('trend-breaking-point', 'stress breaking point', 'req/s', one('breaking point', nights, (f) => f.breakingPointRps), current),
    trendChart('trend-recovery', 'recovery time after the stress', 's', one('recovery', nights, (f) => f.recoveryS), current),
    trendChart('trend-budget', 'lowest error budget left', '%', one('budget left', nights, (f) => (f.errorBudgetLeft === null ? null : f.errorBudgetLeft * 100)), current),
  ];
  const verdict = failed.length > 0
    ? `<ul class="failures">${failed.map((r) => `<li>${esc(`step change: ${r.service ? `${r.service} ` : ''}${r.figure} ${num(r.current, 1)} ${r.unit} vs median ${num(r.median, 1)} ${r.unit} (limit ${r.criterion} = ${num(r.limit, 1)} ${r.unit})`)}</li>`).join('')}</ul>`
    : '';
  return `<section id="trend" data-runs="${nights.length}" data-judged="${trend.judged}"><h2>Trend over the last ${nights.length} run${nights.length === 1 ? '' : 's'} (${esc(report.profile ?? report.command)}, ${esc(report.env)})</h2>
<p class="muted">${esc(trend.reason)}${trend.judged ? `: ${trend.rows.length} figures compared, ${failed.length} step change${failed.length === 1 ? '' : 's'}` : ''} · history ${esc(trend.file)}</p>
${verdict}<div class="trend-charts">${charts.join('\n')}</div>
${nightsTable(nights, report.runId)}</section>`;
}
