/**
 * Benchmark: whole-catalog smoke wall time against the local reference stack, versus the seeds'
 * comprehensive-health-check.sh (a sequential `curl -f -s` loop) over the same health URLs.
 * Prints medians over several runs and the ratio, both measured here on the same machine.
 *
 *   node scripts/bench-smoke.ts [--runs 7] [--cli]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import { combineOutcomes, type Outcome } from '../core/result.ts';
import { localSuiteContext } from '../smoke/local-context.ts';
import { runSmoke } from '../smoke/run.ts';
import { startStack } from '../stack/launcher.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, cli: { type: 'boolean', default: false } } });
const runs = Math.min(20, Math.max(3, Number(values.runs) || 7));

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

function timedSpawn(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - start, code });
    });
  });
}

const stack = await startStack({ portBase: 0, startTimeoutMs: 120_000 });
const reports = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
try {
  const env = { ...process.env, ...stack.env, TRACSEQ_REPORTS_DIR: reports };
  const healthUrls = resolveCatalog(loadCatalog(), 'local', env).services
    .filter((s) => s.service.kind === 'http' && s.baseUrl && s.service.health)
    .map((s) => `${s.baseUrl}${s.service.health!.path}`);
  await runSmoke(localSuiteContext(stack.env), {}); // warm-up (cold start of every service), not counted
  const smokeMs: number[] = [];
  const outcomes: Outcome[] = [];
  let checks = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const result = await runSmoke(localSuiteContext(stack.env), {});
    smokeMs.push(performance.now() - start);
    outcomes.push(result.outcome);
    checks = result.checks.filter((c) => c.outcome !== 'skip').length;
  }
  const loop = `for u in ${healthUrls.map((u) => `'${u}'`).join(' ')}; do curl -f -s "$u" > /dev/null || exit 1; done`;
  const curlMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { ms, code } = await timedSpawn('bash', ['-c', loop], env);
    if (code !== 0) throw new Error(`the curl loop failed (exit ${code})`);
    curlMs.push(ms);
  }
  console.log(`whole-catalog smoke (in process): median ${fmt(median(smokeMs))} over ${runs} runs, ${checks} checks each (min ${fmt(Math.min(...smokeMs))}, max ${fmt(Math.max(...smokeMs))}); verdicts: ${combineOutcomes(outcomes)} [${outcomes.join(' ')}]`);
  console.log(`sequential curl -f -s loop over ${healthUrls.length} health URLs: median ${fmt(median(curlMs))} (min ${fmt(Math.min(...curlMs))}, max ${fmt(Math.max(...curlMs))})`);
  console.log(`ratio smoke / curl loop: ${(median(smokeMs) / median(curlMs)).toFixed(2)} (smoke makes ~${checks} checks incl. journeys; the loop ${healthUrls.length} GETs)`);
  if (values.cli) {
    const cliMs: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i += 1) cliMs.push((await timedSpawn(process.execPath, ['bin/tracseq-validate.js', 'smoke', '--env', 'local'], env)).ms);
    console.log(`CLI end to end (node start, smoke, reports, exit): median ${fmt(median(cliMs))} over ${cliMs.length} runs`);
  }
} finally {
  await stack.stop();
  await rm(reports, { recursive: true, force: true });
}
