import type { ChartSpec, LoadSeries, StressCurve } from './model.ts';

const COLOURS = { p50: '#4e79a7', p95: '#f28e2b', p99: '#e15759', rps: '#4e79a7', offered: '#9c755f', errors: '#e15759' };

const slug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** Latency percentiles over time for one load run. */
export function latencyChart(load: LoadSeries, index: number): ChartSpec {
  const pts = load.points;
  const series = (['p50', 'p95', 'p99'] as const)
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

/** The stress curve over time: offered and achieved req/s, p95, the break marked where it began and at the rate held. */
export function stressChart(stress: StressCurve, index: number): ChartSpec {
  const pts = stress.points;
  const bp = stress.breakingPoint;
  const rps = bp?.rps;
  const marks = bp?.broke && bp.breakAt !== undefined
    ? [{ x: bp.breakAt, label: `broke here${bp.errorRate !== undefined ? `: errors ${(bp.errorRate * 100).toFixed(1)}%` : ''}${bp.p95Ms !== undefined ? `, p95 ${Math.round(bp.p95Ms)} ms` : ''}` }]
    : [];
  const levels = rps !== null && rps !== undefined ? [{ y: rps, label: `${bp?.broke ? 'breaking point' : 'highest sustained'} ${Math.round(rps)} req/s` }] : [];
  return {
    id: `stress-${index}-${slug(stress.scenario)}`,
    title: `${stress.scenario}: stress curve (offered vs achieved req/s, p95)`,
    xTime: true,
    xLabel: 'time',
    yLabel: 'req/s',
    y2Label: 'p95 ms',
    x: pts.map((p) => p.t),
    series: [
      { label: 'offered req/s', values: pts.map((p) => p.offeredRps), color: COLOURS.offered },
      { label: 'achieved req/s', values: pts.map((p) => p.rps), color: COLOURS.rps },
      { label: 'p95 (ms)', values: pts.map((p) => p.p95Ms), color: COLOURS.p95, scale: 'y2' },
    ],
    marks,
    levels,
  };
}
