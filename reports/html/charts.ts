import type { ChartSpec, LoadSeries, StressCurve } from './model.ts';

const COLOURS = { p50: '#4e79a7', p90: '#59a14f', p95: '#f28e2b', p99: '#e15759', rps: '#4e79a7', errors: '#e15759', vus: '#76b7b2' };

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** Latency percentiles over time for one load run. */
export function latencyChart(load: LoadSeries, index: number): ChartSpec {
  const pts = load.points;
  const series = (['p50', 'p90', 'p95', 'p99'] as const)
    .map((p) => ({ label: `${p} (ms)`, values: pts.map((pt) => pt[`${p}Ms`] ?? null), color: COLOURS[p] }))
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
export function throughputChart(load: LoadSeries, index: number): ChartSpec {
  const pts = load.points;
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
      { label: 'errors %', values: pts.map((p) => p.errorRate * 100), color: COLOURS.errors, scale: 'y2' },
    ],
  };
}

/** The stress curve: p95 and error rate against offered req/s, the breaking point marked. */
export function stressChart(stress: StressCurve, index: number): ChartSpec {
  const pts = [...stress.points].sort((a, b) => a.rps - b.rps);
  const bp = stress.breakingPoint;
  return {
    id: `stress-${index}-${slug(stress.scenario)}`,
    title: `${stress.scenario}: p95 and error rate against throughput`,
    xTime: false,
    xLabel: 'req/s',
    yLabel: 'p95 ms',
    y2Label: 'errors %',
    x: pts.map((p) => p.rps),
    series: [
      { label: 'p95 (ms)', values: pts.map((p) => p.p95Ms), color: COLOURS.p95 },
      { label: 'errors %', values: pts.map((p) => p.errorRate * 100), color: COLOURS.errors, scale: 'y2' },
    ],
    marks: bp ? [{ x: bp.rps, label: `breaking point ${Math.round(bp.rps)} req/s` }] : [],
  };
}
