import type { SuiteResult } from '../../../core/result.ts';
import type { ServiceSummary } from '../../../load/run/analyzer/summary-schema.ts';
import type { LoadStress } from '../../../load/run/data.ts';
import { checkReason } from '../../failure-line.ts';
import { esc, num } from '../escape.ts';
import type { ChartSpec } from '../model.ts';
import { renderServiceLatency } from './load-services.ts';

export interface LoadView {
  readonly result: SuiteResult;
  readonly scenario: string;
  readonly charts: readonly ChartSpec[];
  readonly stress?: LoadStress | undefined;
  readonly services: readonly ServiceSummary[];
}

const chartDiv = (spec: ChartSpec) => `<div class="chart" id="chart-${esc(spec.id)}" data-title="${esc(spec.title)}"></div>`;

const pct = (v: number | null) => (v === null ? 'n/a' : `${num(v * 100, 1)}%`);

/** The seeds' stress table (breaking point, max concurrent users, error rate at breaking, recovery time) plus the totals it must agree with. */
function stressTable(scenario: string, t: LoadStress['table']): string {
  const rows: [string, string][] = [
    ['Breaking point', t.breakingPointRps === null ? 'none: unhealthy from the start' : `${num(t.breakingPointRps, 0)} req/s${t.broke ? '' : ' (highest sustained; no break window found)'}`],
    ['Max concurrent users', num(t.maxConcurrentVus, 0)],
    ['Users at the break', t.vusAtBreak === null ? 'n/a' : num(t.vusAtBreak, 0)],
    ['Error rate at breaking', pct(t.errorRateAtBreak)],
    ['p95 at breaking', t.p95AtBreakMs === null ? 'n/a' : `${num(t.p95AtBreakMs, 0)} ms`],
    ['Recovery time', t.recoveryTimeS !== null ? `${num(t.recoveryTimeS, 1)} s` : t.broke ? 'did not recover' : 'n/a'],
    ['Requests / duration / average', `${t.totalRequests} in ${num(t.durationS, 1)} s = ${num(t.averageRps, 1)} req/s`],
    ...(t.limitedBy ? [['Limited by', t.limitedBy] as [string, string]] : []),
  ];
  return `<table class="stress-table" id="breaking-point-${esc(scenario)}">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

function checkList(result: SuiteResult): string {
  if (result.checks.length === 0) return '';
  const rows = result.checks.map((c) => `<tr class="o-${esc(c.outcome)}"><td>${esc(c.service ?? '-')}</td><td>${esc(c.name)}</td>`
    + `<td><span class="badge b-${esc(c.outcome)}">${esc(c.outcome)}</span></td><td>${esc(c.outcome === 'pass' ? '' : checkReason(c))}</td></tr>`);
  return `<table class="load-checks"><thead><tr><th>service</th><th>threshold / check</th><th>outcome</th><th>reason</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Each load run: its checks, latency and throughput charts, and for stress the curve and breaking point. */
export function renderLoadSection(views: readonly LoadView[], skipped: SuiteResult | undefined): string {
  if (views.length === 0) {
    return `<section id="load"><h2>Load</h2><p class="muted">${esc(skipped?.reason ? `skipped: ${skipped.reason}` : 'load did not run')}</p></section>`;
  }
  const blocks = views.map((v) => {
    const charts = v.charts.length > 0 ? v.charts.map(chartDiv).join('\n') : '<p class="muted no-series">the load run reported no per-second series</p>';
    return `<div class="load-run" data-scenario="${esc(v.scenario)}"><h3>${esc(v.scenario)} <span class="badge b-${esc(v.result.outcome)}">${esc(v.result.outcome)}</span></h3>
${v.result.reason ? `<p>${esc(v.result.reason)}</p>` : ''}${checkList(v.result)}
${renderServiceLatency(v.result, v.services, v.scenario)}
${v.stress ? `<h4>Stress curve</h4>${stressTable(v.scenario, v.stress.table)}` : ''}
${charts}</div>`;
  });
  return `<section id="load"><h2>Load</h2>${blocks.join('\n')}</section>`;
}
