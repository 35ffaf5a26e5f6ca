import { findSuite as first, suiteData, suitesOf, type RunReport } from '../../core/result.ts';
import type { ChartAssets } from './assets.ts';
import { latencyChart, stressChart, throughputChart } from './charts.ts';
import { esc, inlineScript, scriptJson } from './escape.ts';
import type { ChartSpec } from './model.ts';
import { readContractCells } from './read-contracts.ts';
import { readLoadRun } from './read-load.ts';
import { renderBanner } from './sections/banner.ts';
import { renderContractMatrix } from './sections/contract-matrix.ts';
import { renderLoadSection, type LoadView } from './sections/load-section.ts';
import { renderOverview } from './sections/overview.ts';
import { renderSloBudget } from './sections/slo-budget.ts';
import { renderSmokeTable } from './sections/smoke-table.ts';
import { renderTrend } from './sections/trend.ts';
import { PAGE_CSS } from './styles.ts';

/** The load runs that ran, each with its charts (latency, throughput, and for stress the curve). */
export function loadViews(report: RunReport): LoadView[] {
  return suitesOf(report, 'load')
    .filter((s) => s.outcome !== 'skip')
    .map((result, i) => {
      const run = readLoadRun(result);
      const charts: ChartSpec[] = [];
      if (run.stress && run.stress.curve.length > 0) charts.push(stressChart(run.scenario, run.stress, i));
      if (run.series.length > 0) charts.push(latencyChart(run, i), throughputChart(run, i));
      return { result, scenario: run.scenario, charts, stress: run.stress, services: run.services };
    });
}

/**
 * The self-contained report page: the verdict (and for a failed run, what failed) at the top, then
 * the suites, the smoke table, the contract matrix, load charts and the SLO error-budget bars.
 * uPlot and the chart script are inlined; the page loads nothing from the network.
 */
export function renderHtmlReport(report: RunReport, assets: ChartAssets): string {
  const views = loadViews(report);
  const charts = views.flatMap((v) => v.charts);
  const contracts = first(report, 'contracts');
  const slo = first(report, 'slo');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${report.verdict.toUpperCase()} · ${report.command} ${report.env} · ${report.runId}`)}</title>
<style>${assets.uplotCss}</style><style>${PAGE_CSS}</style>
</head><body>
${renderBanner(report)}
${renderOverview(report)}
${renderSmokeTable(first(report, 'smoke'))}
${renderContractMatrix(contracts, readContractCells(contracts))}
${renderLoadSection(views, first(report, 'load'))}
${renderSloBudget(slo, (slo && suiteData(slo)?.slos) ?? [])}
${renderTrend(report)}
<footer>${esc(`${report.tool.name} ${report.tool.version} · report schema v${report.schemaVersion} · finished ${report.finishedAt}`)}</footer>
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>
<script>${inlineScript(assets.uplotJs)}</script>
<script>${inlineScript(assets.clientJs)}</script>
</body></html>
`;
}
