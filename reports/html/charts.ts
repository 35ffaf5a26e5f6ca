import type { ChartSpec } from './model.ts';
import type { LoadStress } from '../../load/run/data.ts';
import type { LoadRun } from './read-load.ts';

const COLOURS = { p50: '#4e79a7', p95: '#f28e2b', p99: '#e15759', rps: '#4e79a7', offered: '#9c755f', errors: '#e15759' };

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** Latency percentiles over time for one load run. */
export function latencyChart(load: LoadRun, index: number): ChartSpec {
  const pts = load.series;
  const series = (['p50', 'p95', 'p99'] as const)
    .map((p) => ({ label: `${p} (ms)`, values: pts.map((pt) => pt[p]), color: COLOURS[p] }))
    .filter((s) => s.values.some((v) => v !== null));
  return {
    id: `latency-${index}-${slug(load.scenario)}`,
    title: `${load.scenario}: latency percentiles over time`,
    xTime: true,
    xLabel: 'time',
    yLabel: 'ms',
    x: pts.map((p) => p.t),
    series,
  };
}

/** Throughput (req/s) and error rate (%) over time for one load run. */
export function throughputChart(load: LoadRun, index: number): ChartSpec {
  const pts = load.series;
  return {
    id: `throughput-${index}-${slug(load.scenario)}`,
    title: `${load.scenario}: throughput and errors over time`,
    xTime: true,
    xLabel: 'time',
    yLabel: 'req/s',
    y2Label: 'errors %',
    x: pts.map((p) => p.t),
    series: [
      { label: 'req/s', values: pts.map((p) => p.rps), color: COLOURS.rps },
      { label: 'errors %', values: pts.map((p) => (p.rps > 0 ? (p.errors / p.rps) * 100 : 0)), color: COLOURS.errors, scale: 'y2' },
    ],
  };
}

/** The stress curve over time: offered and achieved req/s, p95, the break marked where it began and at the rate held. */
export function stressChart(scenario: string, stress: LoadStress, index: number): ChartSpec {
  const pts = stress.curve;
  const t = stress.table;
  const breakAt = t.broke && t.breakAt !== null ? Date.parse(t.breakAt) / 1000 : undefined;
  const marks = breakAt !== undefined
    ? [{ x: breakAt, label: `broke here${t.errorRateAtBreak !== null ? `: errors ${(t.errorRateAtBreak * 100).toFixed(1)}%` : ''}${t.p95AtBreakMs !== null ? `, p95 ${Math.round(t.p95AtBreakMs)} ms` : ''}` }]
    : [];
  const rps = t.breakingPointRps;
  const levels = rps !== null ? [{ y: rps, label: `${t.broke ? 'breaking point' : 'highest sustained'} ${Math.round(rps)} req/s` }] : [];
  return {
    id: `stress-${index}-${slug(scenario)}`,
    title: `${scenario}: stress curve (offered vs achieved req/s, p95)`,
    xTime: true,
    xLabel: 'time',
    yLabel: 'req/s',
    y2Label: 'p95 ms',
    x: pts.map((p) => p.t),
    series: [
      { label: 'offered req/s', values: pts.map((p) => p.offeredRps), color: COLOURS.offered },
      { label: 'achieved req/s', values: pts.map((p) => p.rps), color: COLOURS.rps },
      { label: 'p95 (ms)', values: pts.map((p) => p.p95), color: COLOURS.p95, scale: 'y2' },
    ],
    marks,
    levels,
  };
}
