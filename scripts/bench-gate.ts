/**
 * Benchmark: the deploy profile against --target local (smoke, contracts, 60 s of load, SLO) must
 * finish in under 3 minutes of wall time. Runs the real CLI several times, prints the median wall
 * time with the per-suite split, and the ratio to a reference measured in the same script: the
 * same gate with the load step alone (stack + Prometheus + the 60 s load), the floor a deploy gate
 * cannot go below.
 *
 *   node scripts/bench-gate.ts [--runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunReport } from '../core/result.ts';
import { PROJECT_ROOT } from '../core/suite.ts';

const LIMIT_MS = 180_000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

interface Sample { wallMs: number; exitCode: number; report: RunReport }

async function gate(args: string[]): Promise<Sample> {
  const reports = mkdtempSync(join(tmpdir(), 'bench-gate-'));
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/tracseq-validate.js'), 'gate', '--env', 'local', '--target', 'local', ...args], {
      env: { ...process.env, TRACSEQ_REPORTS_DIR: reports },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => resolve(code ?? 70));
  });
  const wallMs = performance.now() - started;
  try {
    const report = RunReport.parse(JSON.parse(readFileSync(join(reports, 'latest', 'report.json'), 'utf8')));
    return { wallMs, exitCode, report };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function split(samples: readonly Sample[]): Map<string, number> {
  const names = [...new Set(samples.flatMap((s) => s.report.suites.filter((r) => r.outcome !== 'skip').map((r) => r.suite)))];
  const rows = new Map<string, number>();
  for (const name of names) rows.set(name, median(samples.map((s) => s.report.suites.filter((r) => r.suite === name).reduce((t, r) => t + r.durationMs, 0))));
  rows.set('target start/stop + reports', median(samples.map((s) => s.wallMs - s.report.suites.reduce((t, r) => t + r.durationMs, 0))));
  return rows;
}

const reference: Sample[] = [];
const deploy: Sample[] = [];
for (let i = 1; i <= RUNS; i += 1) {
  process.stderr.write(`\nbench-gate: run ${i}/${RUNS}: reference (--suites load)\n`);
  reference.push(await gate(['--profile', 'deploy', '--suites', 'load']));
  process.stderr.write(`\nbench-gate: run ${i}/${RUNS}: deploy profile\n`);
  deploy.push(await gate(['--profile', 'deploy']));
}

const deployMedian = median(deploy.map((s) => s.wallMs));
const referenceMedian = median(reference.map((s) => s.wallMs));
const lines = [
  '',
  `deploy profile against --target local: ${RUNS} run(s), verdicts ${deploy.map((s) => `${s.report.verdict}/${s.exitCode}`).join(' ')}`,
  `  wall time: median ${sec(deployMedian)} (runs: ${deploy.map((s) => sec(s.wallMs)).join(', ')}), limit ${sec(LIMIT_MS)}: ${deployMedian < LIMIT_MS ? 'OK' : 'OVER'}`,
  '  per-suite split (medians):',
  ...[...split(deploy)].map(([name, ms]) => `    ${name.padEnd(28)} ${sec(ms).padStart(8)}`),
  `reference (same gate, load step only): median ${sec(referenceMedian)} (runs: ${reference.map((s) => sec(s.wallMs)).join(', ')})`,
  `  ratio deploy / reference: ${(deployMedian / referenceMedian).toFixed(2)}  (the cost of smoke + contracts + SLO on top of the load)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = deployMedian < LIMIT_MS ? 0 : 1;
