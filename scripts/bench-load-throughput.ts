/**
 * Throughput: the load scenario's highest sustained rate against the reference stack with 0
 * dropped iterations (rates climbed in steps, each held a few seconds), against wrk on the
 * scenario's busiest endpoint (GET /api/v1/samples?limit=20 through the gateway) in the same
 * script: the ratio says how much of the stack's capacity the journeys reach. The same for k6 on
 * that one endpoint alone (constant arrival rate, 600 VUs so that a stall of the shared CPU does
 * not exhaust them): the generator against wrk. Also the analysis time as a share of each run's
 * wall time. wrk runs before, between and after (median).
 *   node scripts/bench-load-throughput.ts [--rates 250,500,1000,1500,2500] [--hold 8s]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadavg } from 'node:os';
import { request } from 'undici';
import type { LoadSummary } from '../load/run/analyzer/summary-schema.ts';
import { runLoad } from '../load/run/run-load.ts';
import { loadContext, startLoadStack } from '../load/run/testing/fixture.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? fallback : fallback;
};
const rates = arg('--rates', '250,500,1000,1500,2500').split(',').map(Number);
const hold = arg('--hold', '8s');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** k6 on one endpoint at constant arrival rates climbing until it drops iterations; returns the best clean rate. */
async function k6OneEndpoint(gateway: string, token: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-k6-endpoint-'));
  try {
    const script = join(dir, 'endpoint.js');
    await writeFile(script, `import http from 'k6/http';
export const options = { scenarios: { e: { executor: 'constant-arrival-rate', rate: Number(__ENV.RATE), timeUnit: '1s', duration: '8s', preAllocatedVUs: 600, maxVUs: 600 } } };
export default function () { http.get(__ENV.URL, { headers: { Authorization: 'Bearer ' + __ENV.TOKEN } }); }
`);
    let best = 0;
    for (const rate of [1000, 2000, 3000, 4000]) {
      const summary = join(dir, `s-${rate}.json`);
      spawnSync('k6', ['run', script, '-q', '--no-usage-report', '--summary-export', summary, '--env', `RATE=${rate}`, '--env', `URL=${gateway}/api/v1/samples?limit=20`, '--env', `TOKEN=${token}`], { timeout: 60_000 });
      const metrics = (JSON.parse(await readFile(summary, 'utf8')) as { metrics: Record<string, Record<string, number>> }).metrics;
      const dropped = metrics['dropped_iterations']?.['count'] ?? 0;
      const achieved = metrics['http_reqs']?.['rate'] ?? 0;
      console.log(`k6 on GET /api/v1/samples?limit=20 at ${rate} req/s: achieved ${achieved.toFixed(0)} req/s, dropped ${dropped}`);
      if (dropped > 0) break;
      best = achieved;
    }
    return best;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`load average at start: ${load()} (2 cores, shared with other jobs)`);
const stack = await startLoadStack();
const gateway = stack.urls['api-gateway']!;
try {
  const login = await request(`${gateway}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@lab.local', password: 'admin123' }) });
  const token = ((await login.body.json()) as { access_token: string }).access_token;
  const wrk = () => {
    const out = spawnSync('wrk', ['-t2', '-c64', '-d8s', '-H', `Authorization: Bearer ${token}`, `${gateway}/api/v1/samples?limit=20`], { encoding: 'utf8', timeout: 60_000 }).stdout;
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
    console.log(`wrk GET /api/v1/samples?limit=20 (2 threads, 64 connections, 8 s): ${rps.toFixed(0)} req/s`);
    return rps;
  };
  const wrkRates = [wrk()];
  let sustained = 0;
  for (const [i, rate] of rates.entries()) {
    const t = await loadContext(stack);
    const started = Date.now();
    const result = await runLoad(t.ctx, { scenario: 'load', rate, duration: hold, ramp: '3s', vus: 100 });
    const wallS = (Date.now() - started) / 1000;
    const data = result.data as LoadSummary & { analysisMs: number };
    const holdPoints = data.series.slice(4, -2);
    const achieved = holdPoints.reduce((s, p) => s + p.rps, 0) / Math.max(1, holdPoints.length);
    const ok = data.droppedIterations === 0 && data.overall.errorRate < 0.01;
    console.log(`load at ${rate} req/s: achieved ${achieved.toFixed(0)} req/s while holding, dropped ${data.droppedIterations}, errors ${(data.overall.errorRate * 100).toFixed(2)}%, p95 ${data.overall.latency.p95?.toFixed(0)} ms, max VUs ${data.vusMax}; analysis ${(data.analysisMs / 1000).toFixed(2)} s = ${((data.analysisMs / 1000 / wallS) * 100).toFixed(1)}% of the run's ${wallS.toFixed(0)} s`);
    await t.cleanup();
    if (i === Math.floor(rates.length / 2)) wrkRates.push(wrk());
    if (!ok) break;
    sustained = achieved;
  }
  wrkRates.push(wrk());
  const endpoint = await k6OneEndpoint(gateway, token);
  wrkRates.push(wrk());
  const w = median(wrkRates);
  console.log(`\nhighest sustained load-scenario rate with 0 dropped iterations: ${sustained.toFixed(0)} req/s (target 2,500 where the stack allows it)`);
  console.log(`wrk on the same endpoint (median of ${wrkRates.length}): ${w.toFixed(0)} req/s; load scenario / wrk = ${(sustained / w).toFixed(2)}`);
  console.log(`k6 alone on that endpoint, highest rate with 0 dropped iterations: ${endpoint.toFixed(0)} req/s; k6 / wrk = ${(endpoint / w).toFixed(2)}`);
} finally {
  await stack.stop();
  console.log(`load average at end: ${load()} (timings on this shared machine are noisy)`);
}
