/**
 * Analyzer memory and speed on a 1 GB k6 results file (synthetic, k6's JSON format at 1,000 req/s):
 * peak RSS and RSS along the file (flat = constant memory), analysis time against the test
 * duration the file represents (target <= 10%), and against a plain line read of the same file
 * (the reference, measured in the same script). Medians over RUNS child processes.
 *   node scripts/bench-load-analyzer.ts [--bytes 1e9] [--runs 3] [--gzip]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createAnalysis } from '../load/run/analyzer/analysis.ts';
import { readResults } from '../load/run/analyzer/read-results.ts';
import { summarize } from '../load/run/analyzer/summarize.ts';
import { writeSyntheticResults } from './bench/synthetic-results.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? fallback : fallback;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

async function child(mode: string, file: string): Promise<void> {
  const size = statSync(file).size;
  const rss: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    const r = process.memoryUsage().rss;
    peak = Math.max(peak, r);
    rss.push(r);
  }, 100);
  const started = performance.now();
  let requests = 0;
  let durationS = 0;
  if (mode === 'analyze') {
    const a = createAnalysis();
    await readResults(file, a);
    const s = summarize(a, 'load', 'bench');
    requests = s.overall.requests;
    durationS = s.durationS;
  } else {
    const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
    for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line.length > 0) requests += 1;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const quart = (q: number) => rss[Math.min(rss.length - 1, Math.floor(q * (rss.length - 1)))] ?? peak;
  process.stdout.write(JSON.stringify({ ms, peak, quartiles: [quart(0.25), quart(0.5), quart(0.75), quart(1)], requests, durationS, size }));
}

async function main(): Promise<void> {
  const bytes = Number(arg('--bytes', '1e9'));
  const runs = Number(arg('--runs', '3'));
  const gzip = process.argv.includes('--gzip');
  const file = join(tmpdir(), `tracseq-bench-k6-${bytes}.json${gzip ? '.gz' : ''}`);
  if (!existsSync(file)) {
    const t = performance.now();
    const info = await writeSyntheticResults(file, bytes);
    console.log(`generated ${file}: ${mb(info.bytes)} uncompressed, ${info.requests.toLocaleString('en-US')} requests over ${info.seconds.toFixed(0)} s (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  console.log(`file ${file} (${mb(statSync(file).size)} on disk); load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const self = fileURLToPath(import.meta.url);
  const go = (mode: string) => JSON.parse(spawnSync(process.execPath, [self, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 }).stdout) as {
    ms: number; peak: number; quartiles: number[]; requests: number; durationS: number; size: number;
  };
  const analyses = [];
  const reads = [];
  for (let i = 0; i < runs; i += 1) {
    reads.push(go('read'));
    analyses.push(go('analyze'));
    const a = analyses[i]!;
    console.log(`run ${i + 1}: analysis ${(a.ms / 1000).toFixed(1)} s, plain line read ${(reads[i]!.ms / 1000).toFixed(1)} s, peak RSS ${mb(a.peak)}, RSS at 25/50/75/100%: ${a.quartiles.map(mb).join(' / ')}`);
  }
  const a = analyses[0]!;
  const analysisMs = median(analyses.map((x) => x.ms));
  const readMs = median(reads.map((x) => x.ms));
  console.log(`\nrequests analysed: ${a.requests.toLocaleString('en-US')}; test duration the file represents: ${a.durationS.toFixed(0)} s`);
  console.log(`median analysis time: ${(analysisMs / 1000).toFixed(1)} s = ${((analysisMs / 1000 / a.durationS) * 100).toFixed(1)}% of the test's wall time (target <= 10%)`);
  console.log(`median plain line read (reference): ${(readMs / 1000).toFixed(1)} s; analysis / read ratio: ${(analysisMs / readMs).toFixed(2)}`);
  console.log(`median peak RSS: ${mb(median(analyses.map((x) => x.peak)))} (target < 150 MB); RSS growth from 25% to 100% of the file: ${mb(median(analyses.map((x) => x.quartiles[3]! - x.quartiles[0]!)))}`);
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores shared with other jobs: timings are noisy)`);
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();
