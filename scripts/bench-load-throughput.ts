/**
 * Throughput of the load scenario against the reference stack, and what limits it.
 *
 * 1. The journey mix (load/load.ts, run by `load run`) at rising rates, each ramped for 3 s and held
 *    for HOLD; VUs scale with the rate (at least 100). A step is clean when it sends what it should
 *    (0 dropped iterations), errors stay under 1% and p95 under 500 ms. For every step the CPU the
 *    machine spent is split between the stack's processes, k6 and the analyzer (from /proc), so the
 *    figure says whether the generator or the stack ran out.
 * 2. wrk and k6 alone on the scenario's busiest endpoint (GET /api/v1/samples?limit=20 through the
 *    gateway) in the same script: k6 / wrk is the generator against the cheapest possible client.
 *    wrk runs before, between and after (median).
 *
 *   node scripts/bench-load-throughput.ts [--rates 500,1000,1500,2000,2500] [--hold 8s]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthClient } from '../stack/clients/auth-client.ts';
import { runLoad } from '../load/run/run-load.ts';
import { loadContext, startLoadStack } from '../load/run/testing/fixture.ts';
import { median, runWrk } from './bench/wrk-run.ts';

const TARGET_RPS = 2_500;
const { values } = parseArgs({ options: { rates: { type: 'string', default: '500,1000,1500,2000,2500' }, hold: { type: 'string', default: '8s' } } });
const rates = values.rates.split(',').map(Number);
const hold = values.hold;
const TICK = 100; // /proc CPU times are in clock ticks (USER_HZ)

/** CPU seconds (user + system) of a process, from /proc/<pid>/stat; the children it waited for when `children`. */
function cpuSeconds(pid: number | 'self', children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    // fields after the command: state=0, ..., utime=11, stime=12, cutime=13, cstime=14
    return ((children ? (f[13] ?? 0) + (f[14] ?? 0) : (f[11] ?? 0) + (f[12] ?? 0))) / TICK;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine, from /proc/stat. */
function machine(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}

interface CpuSnapshot { stack: number; k6: number; self: number; busy: number; total: number }

function snapshot(pids: readonly number[]): CpuSnapshot {
  const m = machine();
  return { stack: pids.reduce((s, p) => s + cpuSeconds(p), 0), k6: cpuSeconds('self', true), self: cpuSeconds('self'), ...m };
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const cores = (s: number, wall: number) => (s / wall).toFixed(2);

/** k6 on one endpoint at constant arrival rates climbing until it drops iterations; returns the best clean rate. */
async function k6OneEndpoint(url: string, token: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-k6-endpoint-'));
  try {
    const script = join(dir, 'endpoint.js');
    await writeFile(script, `import http from 'k6/http';
export const options = { scenarios: { e: { executor: 'constant-arrival-rate', rate: Number(__ENV.RATE), timeUnit: '1s', duration: '8s', preAllocatedVUs: 600, maxVUs: 600 } } };
export default function () { http.get(__ENV.URL, { headers: { Authorization: 'Bearer ' + __ENV.TOKEN }, responseType: 'none' }); }
`);
    let best = 0;
    for (const rate of [1000, 2000, 3000, 4000, 5000]) {
      const summary = join(dir, `s-${rate}.json`);
      spawnSync('k6', ['run', script, '-q', '--no-usage-report', '--summary-export', summary, '--env', `RATE=${rate}`, '--env', `URL=${url}`, '--env', `TOKEN=${token}`], { timeout: 60_000 });
      const metrics = (JSON.parse(await readFile(summary, 'utf8')) as { metrics: Record<string, Record<string, number>> }).metrics;
      const dropped = metrics['dropped_iterations']?.['count'] ?? 0;
      const achieved = metrics['http_reqs']?.['rate'] ?? 0;
      console.log(`  k6 alone at ${rate} req/s: achieved ${achieved.toFixed(0)} req/s, dropped ${dropped}`);
      if (dropped > 0) break;
      best = achieved;
    }
    return best;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`load average at start: ${load()} (2 cores)`);
const stack = await startLoadStack();
const gateway = stack.urls['api-gateway']!;
const endpoint = `${gateway}/api/v1/samples?limit=20`;
try {
  const token = (await new AuthClient({ baseUrl: gateway }).login('admin@lab.local', 'admin123')).token;
  const wrk = async () => {
    const f = await runWrk(endpoint, { threads: 2, connections: 64, seconds: 8 }, token);
    console.log(`  wrk GET /api/v1/samples?limit=20 (2 threads, 64 connections, 8 s): ${f.rps.toFixed(0)} req/s, p95 ${f.p95Ms.toFixed(1)} ms`);
    return f.rps;
  };
  const wrkRates = [await wrk()];
  let sustained = 0;
  let firstUnclean: { rate: number; idle: number; stackCores: number; k6Cores: number } | undefined;
  const perRequest: { k6: number; stack: number }[] = [];
  console.log('\nthe load scenario (journey mix through the gateway):');
  for (const [i, rate] of rates.entries()) {
    const vus = Math.max(100, Math.ceil(rate / 5));
    const t = await loadContext(stack);
    const before = snapshot(stack.pids);
    const started = Date.now();
    const result = await runLoad(t.ctx, { scenario: 'load', rate, duration: hold, ramp: '3s', vus });
    const wallS = (Date.now() - started) / 1000;
    const after = snapshot(stack.pids);
    const data = result.data!;
    const holdPoints = data.series.slice(4, -2);
    const achieved = holdPoints.reduce((s, p) => s + p.rps, 0) / Math.max(1, holdPoints.length);
    const clean = data.droppedIterations === 0 && data.overall.errorRate < 0.01 && (data.overall.latency.p95 ?? Infinity) < 500;
    const used = { stack: after.stack - before.stack, k6: after.k6 - before.k6, self: after.self - before.self, busy: after.busy - before.busy, total: after.total - before.total };
    const idle = 1 - used.busy / used.total;
    perRequest.push({ k6: used.k6 / data.overall.requests, stack: used.stack / data.overall.requests });
    console.log(`  ${String(rate).padStart(5)} req/s, ${vus} VUs: achieved ${achieved.toFixed(0)} req/s holding, dropped ${data.droppedIterations}, errors ${(data.overall.errorRate * 100).toFixed(2)}%, p95 ${data.overall.latency.p95?.toFixed(0)} ms, VUs busy at most ${data.vusMax} -> ${clean ? 'clean' : 'NOT clean'}`);
    console.log(`         CPU over the run's ${wallS.toFixed(0)} s: stack ${cores(used.stack, wallS)} cores, k6 ${cores(used.k6, wallS)}, analyzer ${cores(used.self, wallS)}, machine idle ${(idle * 100).toFixed(0)}%; per request: stack ${((used.stack / data.overall.requests) * 1000).toFixed(2)} ms, k6 ${((used.k6 / data.overall.requests) * 1000).toFixed(2)} ms; analysis ${(data.analysisMs / 1000).toFixed(2)} s = ${((data.analysisMs / 1000 / wallS) * 100).toFixed(1)}% of the run`);
    await t.cleanup();
    if (i === Math.floor(rates.length / 2)) wrkRates.push(await wrk());
    if (!clean) {
      firstUnclean = { rate, idle, stackCores: used.stack / wallS, k6Cores: used.k6 / wallS };
      break;
    }
    sustained = achieved;
  }
  console.log('\nthe generator alone on the busiest endpoint:');
  wrkRates.push(await wrk());
  const k6Alone = await k6OneEndpoint(endpoint, token);
  wrkRates.push(await wrk());
  const w = median(wrkRates);
  // The busiest step amortises the fixed costs (k6 start-up and VU set-up, the setup() fixtures) best.
  const busiest = perRequest[perRequest.length - 1] ?? { k6: 0, stack: 0 };
  const k6PerRequest = busiest.k6;
  const stackPerRequest = busiest.stack;
  console.log(`\nhighest sustained load-scenario rate, clean (0 dropped iterations): ${sustained.toFixed(0)} req/s (target ${TARGET_RPS.toLocaleString('en-US')} where the stack allows it: ${sustained >= TARGET_RPS ? 'met' : 'not met'})`);
  if (firstUnclean) {
    const limiter = firstUnclean.idle < 0.1 ? `the machine's 2 cores were busy (idle ${(firstUnclean.idle * 100).toFixed(0)}%): the stack used ${firstUnclean.stackCores.toFixed(2)} cores, k6 ${firstUnclean.k6Cores.toFixed(2)}` : `the machine still had ${(firstUnclean.idle * 100).toFixed(0)}% idle CPU: look at VUs and latency`;
    console.log(`at ${firstUnclean.rate} req/s: ${limiter}`);
  }
  console.log(`CPU per journey request at the busiest step: stack ${(stackPerRequest * 1000).toFixed(2)} ms, k6 ${(k6PerRequest * 1000).toFixed(2)} ms; ${TARGET_RPS.toLocaleString('en-US')} req/s would need ${((stackPerRequest + k6PerRequest) * TARGET_RPS).toFixed(2)} cores (the stack ${(stackPerRequest * TARGET_RPS).toFixed(2)}, k6 ${(k6PerRequest * TARGET_RPS).toFixed(2)}) of this machine's 2`);
  console.log(`wrk on GET /api/v1/samples?limit=20 (median of ${wrkRates.length}): ${w.toFixed(0)} req/s; load scenario / wrk = ${(sustained / w).toFixed(2)}`);
  console.log(`k6 alone on that endpoint, highest rate with 0 dropped iterations: ${k6Alone.toFixed(0)} req/s; k6 / wrk = ${(k6Alone / w).toFixed(2)}`);
} finally {
  await stack.stop();
  console.log(`load average at end: ${load()}`);
}
