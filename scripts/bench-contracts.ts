/**
 * Benchmark: the contracts suite's two steps against the reference stack on loopback.
 *  - consumer: the consumer contracts regenerate every pact (one consumer worker process);
 *  - verify: every provider verified from those pacts (one verifier process per provider, 2 at a time).
 * Prints the median of several runs of each, and the ratio to a reference measured in the same script:
 * starting Node and importing @pact-foundation/pact (the fixed cost every verifier process pays).
 *
 *   node scripts/bench-contracts.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { PROJECT_ROOT, type SuiteContext } from '../core/suite.ts';
import { runContracts } from '../contracts/run.ts';
import { startStack } from '../stack/launcher.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.min(10, Math.max(1, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function referenceMs(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', "require('@pact-foundation/pact')"], { cwd: PROJECT_ROOT, stdio: 'ignore', timeout: 60_000 });
  if (run.status !== 0) throw new Error('reference run failed: cannot import @pact-foundation/pact');
  return performance.now() - started;
}

const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), 'bench-contracts-'));
const stack = await startStack({ portBase: 0, catalog, services: ['auth-service', 'sample-service', 'storage-service', 'sequencing-service', 'notification-service', 'event-service'] });
try {
  const env = { ...process.env, ...stack.env, TRACSEQ_REPORTS_DIR: join(dir, 'reports'), PACT_BROKER_BASE_URL: '' };
  const ctx = (i: number): SuiteContext => ({
    resolved: resolveCatalog(catalog, 'local', env), runId: `bench-${i}`, reportDir: join(dir, 'reports', `bench-${i}`),
    signal: AbortSignal.timeout(300_000), log: () => {}, env, now: () => new Date(),
  });
  const reference: number[] = [];
  const consumer: number[] = [];
  const verify: number[] = [];
  let pactCount = 0;
  let interactionCount = 0;
  for (let i = 0; i < RUNS; i++) {
    reference.push(referenceMs());
    const result = await runContracts(ctx(i), { pactsDir: join(dir, 'pacts'), matrixFile: join(dir, 'matrix.json'), consumerVersion: 'bench', providerVersion: 'bench' });
    if (result.outcome !== 'pass') throw new Error(`run ${i + 1}: the contracts suite did not pass (${result.outcome})`);
    const { consumerMs, verifyMs } = result.data?.timings ?? {};
    const pacts = result.data?.pacts;
    if (!pacts || consumerMs === undefined || verifyMs === undefined) throw new Error(`run ${i + 1}: the contracts suite reported no pacts or timings`);
    const timings = { consumerMs, verifyMs };
    pactCount = pacts.length;
    interactionCount = pacts.reduce((n, p) => n + p.interactions, 0);
    consumer.push(timings.consumerMs);
    verify.push(timings.verifyMs);
    process.stderr.write(`run ${i + 1}/${RUNS}: consumer ${timings.consumerMs} ms, verify ${timings.verifyMs} ms, reference ${Math.round(reference.at(-1)!)} ms\n`);
  }
  const ref = median(reference);
  const line = (name: string, values: number[]) => `${name.padEnd(30)} median ${String(Math.round(median(values))).padStart(6)} ms   ${(median(values) / ref).toFixed(1)}x reference`;
  process.stdout.write([
    `contracts suite, ${RUNS} runs (${pactCount} pacts, ${interactionCount} interactions)`,
    `${'reference: node + import pact'.padEnd(30)} median ${String(Math.round(ref)).padStart(6)} ms`,
    line('consumer step (regenerate)', consumer),
    line('verify step (5 providers)', verify),
  ].join('\n') + '\n');
} finally {
  await stack.stop();
  rmSync(dir, { recursive: true, force: true });
}
