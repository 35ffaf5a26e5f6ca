/**
 * Benchmark: evaluating 50 SLOs against a local Prometheus must take under 2 s.
 *
 * Starts Debian's Prometheus (infra/prometheus.ts) scraping an in-process exporter that serves
 * the reference stack's metric names for every catalog service (prom-client, 1 s scrapes), lets it
 * collect ~15 s of data, then times `evaluateSlos` for the first 50 catalog SLOs (every distinct
 * instant query: SLI, 30d budget, 7 burn windows) several times. Prints the median, and the ratio
 * to a reference run in the same script: the same number of trivial `vector(1)` queries through
 * the same client (the HTTP round-trip floor on this machine).
 *
 * Run: node scripts/bench-slo.ts [--runs 7]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { startPrometheus, waitForScrape } from '../infra/prometheus.ts';
import { catalogSlos } from '../slo/catalog-slos.ts';
import { evaluateSlos } from '../slo/evaluate.ts';
import { planQueries, planSlo } from '../slo/plan.ts';
import { mapBounded } from '../slo/pool.ts';
import { createPromClient } from '../slo/prom/client.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? 7) || 7;
const BUDGET_MS = 2000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const resolved = resolveCatalog(loadCatalog(), 'local', {});
const slos = catalogSlos(resolved).slice(0, 50);
const services = [...new Set(slos.map((s) => s.service))];

// An exporter with the stack's metric names, traffic for every service, a few 5xx and slow requests.
const registry = new Registry();
const requests = new Counter({ name: 'http_requests_total', help: 'x', labelNames: ['service', 'method', 'route', 'status'], registers: [registry] });
const duration = new Histogram({ name: 'http_request_duration_seconds', help: 'x', labelNames: ['service', 'method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5], registers: [registry] });
const processing = new Histogram({ name: 'sample_processing_duration_seconds', help: 'x', labelNames: ['service'], buckets: [0.1, 0.5, 1, 5, 10], registers: [registry] });
const queue = new Gauge({ name: 'sequencing_queue_depth', help: 'x', labelNames: ['service'], registers: [registry] });
const tick = setInterval(() => {
  for (const service of services) {
    for (let i = 0; i < 50; i += 1) {
      const status = i === 0 ? '500' : '200';
      requests.inc({ service, method: 'GET', route: '/api/v1/items', status });
      duration.observe({ service, method: 'GET', route: '/api/v1/items', status }, i < 2 ? 0.7 : 0.02);
    }
  }
  processing.observe({ service: 'sample-service' }, 0.3);
  queue.set({ service: 'sequencing-service' }, 3);
}, 200);
const exporter = createServer(async (_req, res) => {
  res.setHeader('content-type', registry.contentType);
  res.end(await registry.metrics());
});
await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
const prom = await startPrometheus({ scrapeTargets: [{ job: 'bench', targets: [`127.0.0.1:${(exporter.address() as AddressInfo).port}`] }], scrapeInterval: '1s' });
try {
  await waitForScrape(prom.url, { requireUp: true });
  process.stderr.write('collecting 15 s of samples...\n');
  await sleep(15_000);
  const client = createPromClient({ url: prom.url, auth: { headers: {}, insecure: false } });
  const queryCount = planQueries(slos.map((s) => planSlo(s, 3_600_000, new Date()))).length + 1;
  const evalMs: number[] = [];
  const refMs: number[] = [];
  let outcomes = '';
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const run = await evaluateSlos(client, slos, { windowMs: 3_600_000, at: new Date(), concurrency: 8 });
    evalMs.push(performance.now() - t0);
    outcomes = Object.entries(run.evaluations.reduce<Record<string, number>>((a, e) => ({ ...a, [e.outcome]: (a[e.outcome] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
    const t1 = performance.now();
    await mapBounded(Array.from({ length: queryCount }, () => 'vector(1)'), 8, (q) => client.query(q, Date.now() / 1000));
    refMs.push(performance.now() - t1);
  }
  await client.close();
  const m = median(evalMs);
  const r = median(refMs);
  process.stdout.write([
    `SLOs evaluated:        ${slos.length} (${services.length} services, ${queryCount} instant queries, concurrency 8)`,
    `outcomes (last run):   ${outcomes}`,
    `evaluate, ms per run:  ${evalMs.map((x) => x.toFixed(0)).join(' ')}`,
    `median:                ${m.toFixed(0)} ms  (budget ${BUDGET_MS} ms: ${m < BUDGET_MS ? 'OK' : 'OVER'})`,
    `reference (${queryCount} x vector(1)) median: ${r.toFixed(0)} ms; ratio evaluate/reference ${(m / r).toFixed(2)}`,
    '',
  ].join('\n'));
  process.exitCode = m < BUDGET_MS ? 0 : 1;
} finally {
  clearInterval(tick);
  await prom.stop();
  exporter.closeAllConnections();
  await new Promise((resolve) => exporter.close(resolve));
}
