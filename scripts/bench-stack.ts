/**
 * Capacity of the reference stack's gateway -> sample read path (GET /api/v1/samples through the gateway with
 * a valid JWT), measured with wrk. Starts the stack on free ports, seeds 20 samples, logs in, then alternates
 * wrk runs against the gateway and against a trivial node:http server (same machine, same moment) and prints
 * the medians and their ratio. Target (issue #2): >= 2,500 req/s with p95 < 50 ms. Exit 0 met, 1 not met.
 *
 *   node scripts/bench-stack.ts [--runs 5] [--seconds 3] [--connections 16] [--threads 2]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AuthClient } from '../stack/clients/auth-client.ts';
import { startStack } from '../stack/launcher.ts';
import { median, runWrk, wrkArgs, type WrkFigures, type WrkRun } from './bench/wrk-run.ts';

const TARGET_RPS = 2_500;
const TARGET_P95_MS = 50;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, seconds: { type: 'string', default: '3' }, connections: { type: 'string', default: '16' }, threads: { type: 'string', default: '2' } } });
const runs = Number(values.runs);
const run: WrkRun = { threads: Number(values.threads), connections: Number(values.connections), seconds: Number(values.seconds) };

const fmt = (f: WrkFigures) => `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50Ms.toFixed(2)} ms  p95 ${f.p95Ms.toFixed(2)} ms  p99 ${f.p99Ms.toFixed(2)} ms  errors ${f.socketErrors}  non-2xx ${f.non2xx}`;

async function startTrivial(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bench/trivial-server.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}/api/v1/samples`, stop: () => child.kill('SIGTERM') };
}

const stack = await startStack({ portBase: 0, rateLimit: { requests: 1_000_000_000, windowMs: 60_000 } });
const trivial = await startTrivial();
try {
  const samples = Array.from({ length: 20 }, (_, i) => ({ id: `bench-${i}`, barcode: `TS-BENCH-${String(i).padStart(4, '0')}`, sample_type: 'blood', status: 'stored' as const }));
  await stack.admin('sample-service', 'seed', { samples });
  const { token } = await new AuthClient({ baseUrl: stack.urls['api-gateway']! }).login('admin@lab.local', 'admin123');
  const gatewayUrl = `${stack.urls['api-gateway']}/api/v1/samples`;
  process.stdout.write(`wrk ${wrkArgs(gatewayUrl, run).join(' ')}   (WRK_TOKEN=<jwt from POST /api/v1/auth/login>)\n`);
  process.stdout.write(`reference: wrk ${wrkArgs(trivial.url, run).join(' ')}\n`);
  await runWrk(gatewayUrl, { ...run, seconds: 2 }, token);
  await runWrk(trivial.url, { ...run, seconds: 1 }, '');
  const stackRuns: WrkFigures[] = [];
  const refRuns: WrkFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await runWrk(gatewayUrl, run, token);
    stackRuns.push(s);
    process.stdout.write(`run ${i + 1} gateway->sample  ${fmt(s)}\n`);
    const r = await runWrk(trivial.url, run, '');
    refRuns.push(r);
    process.stdout.write(`run ${i + 1} trivial server  ${fmt(r)}\n`);
  }
  const rps = median(stackRuns.map((r) => r.rps));
  const p95 = median(stackRuns.map((r) => r.p95Ms));
  const refRps = median(refRuns.map((r) => r.rps));
  const bad = stackRuns.reduce((n, r) => n + r.socketErrors + r.non2xx, 0);
  process.stdout.write(`\nmedian of ${runs}: gateway->sample ${rps.toFixed(0)} req/s, p95 ${p95.toFixed(2)} ms; trivial server ${refRps.toFixed(0)} req/s, p95 ${median(refRuns.map((r) => r.p95Ms)).toFixed(2)} ms; ratio ${(rps / refRps).toFixed(3)}\n`);
  const met = rps >= TARGET_RPS && p95 < TARGET_P95_MS && bad === 0;
  process.stdout.write(`target >= ${TARGET_RPS} req/s with p95 < ${TARGET_P95_MS} ms and no errors: ${met ? 'MET' : 'NOT MET'}${bad ? ` (${bad} errors/non-2xx)` : ''}\n`);
  process.exitCode = met ? 0 : 1;
} finally {
  trivial.stop();
  await stack.stop();
}
