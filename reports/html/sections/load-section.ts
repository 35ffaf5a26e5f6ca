import type { SuiteResult } from '../../../core/result.ts';
import { checkReason } from '../../failure-line.ts';
import { esc, num } from '../escape.ts';
import type { ChartSpec, StressCurve } from '../model.ts';

export interface LoadView {
  readonly result: SuiteResult;
  readonly scenario: string;
  readonly charts: readonly ChartSpec[];
  readonly stress?: StressCurve | undefined;
}

const chartDiv = (spec: ChartSpec) => `<div class="chart" id="chart-${esc(spec.id)}" data-title="${esc(spec.title)}"></div>`;

function stressTable(stress: StressCurve): string {
  const bp = stress.breakingPoint;
  if (!bp) return '<p class="muted">no breaking point: the system held every step of the stress ramp</p>';
  const rows: [string, string][] = [
    ['Breaking point', `${num(bp.rps, 0)} req/s`],
    ['Max concurrent users', bp.vus === undefined ? 'n/a' : num(bp.vus, 0)],
    ['Error rate at breaking', bp.errorRate === undefined ? 'n/a' : `${num(bp.errorRate * 100, 1)}%`],
    ['Recovery time', bp.recoverySeconds === undefined ? 'n/a' : `${num(bp.recoverySeconds, 1)} s`],
  ];
  return `<table class="stress-table" id="breaking-point">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
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
${v.stress ? `<h4>Stress curve</h4>${stressTable(v.stress)}` : ''}
${charts}</div>`;
  });
  return `<section id="load"><h2>Load</h2>${blocks.join('\n')}</section>`;
}
