import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ChartAssets {
  /** uPlot's IIFE build (defines `uPlot` globally), inlined into the page. */
  readonly uplotJs: string;
  readonly uplotCss: string;
  /** The page's own chart script (reports/html/client/render-charts.js). */
  readonly clientJs: string;
}

let cached: ChartAssets | undefined;

/** Reads uPlot's dist files and the chart script once, at report-build time (no CDN at view time). */
export function loadChartAssets(): ChartAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  cached = {
    uplotJs: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    uplotCss: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    clientJs: readFileSync(new URL('./client/render-charts.js', import.meta.url), 'utf8'),
  };
  return cached;
}
