/**
 * Accuracy of the load suite against the real k6 and the reference stack:
 *  A. the analyzer's count, p95 and p99 (overall and per service) vs k6's own end-of-test summary
 *     for the same run (target: within 1%);
 *  B. the k6-measured p95 of a plain read on sample-service (GET list-samples, which does nothing
 *     but answer after the injected delay) vs a fixed latency injected on the server (target:
 *     within +-5%); all sample-service requests (writes that also publish events) shown beside it,
 *     and an uninjected run in the same script as the reference.
 * Medians over RUNS runs; short runs (a few seconds at tens of req/s) on a shared 2-core machine.
 *   node scripts/bench-load-accuracy.ts [--runs 3] [--latency 1000]
 */
import { loadavg } from 'node:os';
import { runLoad } from '../load/run/run-load.ts';
import { readSummaryExport, summaryStat } from '../load/run/summary-export.ts';
import type { LoadSummary } from '../load/run/analyzer/summary-schema.ts';
import { loadContext, startLoadStack } from '../load/run/testing/fixture.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return Number(i >= 0 ? process.argv[i + 1] ?? fallback : fallback);
};
const runs = arg('--runs', '5');
const injected = arg('--latency', '2000');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (a: number, b: number) => ((a - b) / b) * 100;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

console.log(`load average at start: ${load()} (2 cores, shared)`);
const stack = await startLoadStack();
try {
  const diffs: number[] = [];
  console.log('\nA. analyzer vs k6 end-of-test summary (load scenario, 60 req/s for 6 s)');
  for (let i = 0; i < runs; i += 1) {
    const t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 60, duration: '6s', ramp: '1s', vus: 60 });
    const data = result.data!;
    const k6 = (await readSummaryExport(data.artifacts.k6Summaries[0]!))!;
    const rows: [string, number, number][] = [];
    const groups: [string, LoadSummary['overall']][] = [['http_req_duration', data.overall], ...data.services.map((s) => [`http_req_duration{service:${s.service}}`, s] as [string, LoadSummary['overall']])];
    for (const [metric, ours] of groups) {
      rows.push([`${metric} count`, ours.requests, summaryStat(k6, metric, 'count') ?? Number.NaN]);
      rows.push([`${metric} p(95)`, ours.latency.p95 ?? Number.NaN, summaryStat(k6, metric, 'p(95)') ?? Number.NaN]);
      rows.push([`${metric} p(99)`, ours.latency.p99 ?? Number.NaN, summaryStat(k6, metric, 'p(99)') ?? Number.NaN]);
    }
    const worst = Math.max(...rows.map(([, a, b]) => Math.abs(pct(a, b))));
    diffs.push(worst);
    console.log(`run ${i + 1}: ${data.overall.requests} requests; largest difference ${worst.toFixed(3)}% over ${rows.length} figures`);
    for (const [name, a, b] of rows.slice(0, 3)) console.log(`   ${name.padEnd(28)} analyzer ${a.toFixed(3).padStart(10)}  k6 ${b.toFixed(3).padStart(10)}  (${pct(a, b).toFixed(3)}%)`);
    await t.cleanup();
  }
  console.log(`median of the largest difference per run: ${median(diffs).toFixed(3)}% (target < 1%)`);

  console.log(`\nB. k6 p95 of sample-service vs ${injected} ms injected on sample-service (load scenario, 20 req/s for 6 s)`);
  const measure = async (latencyMs: number) => {
    await stack.setFaults('sample-service', { latencyMs, jitterMs: 0 });
    const t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'load', rate: 20, duration: '6s', ramp: '1s', vus: 60 });
    const data = result.data!;
    const k6 = (await readSummaryExport(data.artifacts.k6Summaries[0]!))!;
    await t.cleanup();
    return { k6p95: summaryStat(k6, 'http_req_duration{service:sample-service}', 'p(95)')!, listP95: data.endpoints.find((e) => e.endpoint === 'list-samples')?.latency.p95 ?? Number.NaN };
  };
  const reference: number[] = [];
  const list: number[] = [];
  const service: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const ref = await measure(0);
    const slow = await measure(injected);
    reference.push(ref.listP95);
    list.push(slow.listP95);
    service.push(slow.k6p95);
    console.log(`run ${i + 1}: list-samples p95 ${slow.listP95.toFixed(1)} ms = ${(slow.listP95 / injected).toFixed(3)} x injected (reference run ${ref.listP95.toFixed(1)} ms); all sample-service p95 (k6 summary) ${slow.k6p95.toFixed(1)} ms = ${(slow.k6p95 / injected).toFixed(3)} x`);
  }
  await stack.setFaults('sample-service', { latencyMs: 0 });
  const m = median(list);
  console.log(`median list-samples p95 with ${injected} ms injected: ${m.toFixed(1)} ms = ${(m / injected).toFixed(3)} x injected (${pct(m, injected).toFixed(2)}%, target within +-5%)`);
  console.log(`median over every sample-service request: ${median(service).toFixed(1)} ms = ${(median(service) / injected).toFixed(3)} x; reference p95 without injection: ${median(reference).toFixed(1)} ms (the machine's own overhead)`);
} finally {
  await stack.stop();
  console.log(`\nload average at end: ${load()} (timings on this shared machine are noisy)`);
}
