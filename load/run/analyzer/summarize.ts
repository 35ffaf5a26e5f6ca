import type { Analysis, Counts, SecondBucket } from './analysis.ts';
import { mergeHistograms, percentilesMs, type Histogram } from './histogram.ts';
import type { LatencyStats, LoadSummary, RequestStats, SeriesPoint } from './summary-schema.ts';

/** Pure derivations from the analyzer's state: the per-second series and per-endpoint/service/overall stats. */
export function latencyStats(h: Histogram): LatencyStats {
  const empty = h.totalCount === 0;
  const [p50, p95, p99] = percentilesMs(h, [50, 95, 99]);
  return {
    p50: p50 ?? null,
    p95: p95 ?? null,
    p99: p99 ?? null,
    max: empty ? null : h.maxValue / 1000,
    mean: empty ? null : h.mean / 1000,
  };
}

export function requestStats(c: Counts, h: Histogram, durationS: number): RequestStats {
  return {
    requests: c.count,
    errors: c.errors,
    rateLimited: c.rateLimited,
    errorRate: c.count === 0 ? 0 : c.errors / c.count,
    rateLimitedFraction: c.count === 0 ? 0 : c.rateLimited / c.count,
    rps: durationS > 0 ? c.count / durationS : c.count,
    latency: latencyStats(h),
  };
}

function sumCounts(list: Iterable<Counts>): Counts {
  const out = { count: 0, errors: 0, rateLimited: 0 };
  for (const c of list) {
    out.count += c.count;
    out.errors += c.errors;
    out.rateLimited += c.rateLimited;
  }
  return out;
}

/** Every second from the first to the last, empty seconds included (a silent second is data). */
export function series(a: Analysis): SeriesPoint[] {
  if (a.seconds.size === 0) return [];
  const keys = [...a.seconds.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const out: SeriesPoint[] = [];
  for (let t = first; t <= last; t += 1) {
    const b: SecondBucket | undefined = a.seconds.get(t);
    const [p50, p95, p99] = b ? percentilesMs(b.hist, [50, 95, 99]) : [];
    out.push({
      t,
      rps: b?.count ?? 0,
      p50: p50 ?? null,
      p95: p95 ?? null,
      p99: p99 ?? null,
      errors: b?.errors ?? 0,
      rateLimited: b?.rateLimited ?? 0,
      dropped: b?.dropped ?? 0,
      vus: b?.vusMax ?? 0,
    });
  }
  return out;
}

export function summarize(a: Analysis, scenario: string, env: string): LoadSummary {
  const hasData = Number.isFinite(a.firstMs);
  const durationS = hasData ? Math.max(0, (a.lastMs - a.firstMs) / 1000) : 0;
  const endpoints = [...a.endpoints.values()].sort((x, y) => x.service.localeCompare(y.service) || x.endpoint.localeCompare(y.endpoint));
  const serviceIds = [...new Set(endpoints.map((e) => e.service))];
  const buckets = [...a.seconds.values()];
  return {
    scenario,
    env,
    startedAt: hasData ? new Date(a.firstMs).toISOString() : new Date(0).toISOString(),
    durationS,
    overall: requestStats(sumCounts(endpoints), mergeHistograms(endpoints.map((e) => e.hist)), durationS),
    services: serviceIds.map((service) => {
      const mine = endpoints.filter((e) => e.service === service);
      return { service, ...requestStats(sumCounts(mine), mergeHistograms(mine.map((e) => e.hist)), durationS) };
    }),
    endpoints: endpoints.map((e) => ({ service: e.service, endpoint: e.endpoint, ...requestStats(e, e.hist, durationS) })),
    series: series(a),
    droppedIterations: buckets.reduce((s, b) => s + b.dropped, 0),
    vusMax: buckets.reduce((m, b) => Math.max(m, b.vusMax), 0),
    malformedLines: a.malformed,
    ...(a.firstMalformed ? { firstMalformed: a.firstMalformed } : {}),
  };
}
