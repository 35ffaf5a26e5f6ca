import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnGate } from '../../gate/spawn-gate.ts';
import { RunReport } from '../../core/result.ts';
import { startPrometheus } from '../../infra/prometheus.ts';
import { reportProblems, runDirs } from '../helpers/report-dirs.ts';
import { leftovers } from '../helpers/run-leftovers.ts';
import type { FaultRow } from './matrix-rows.ts';
import type { SharedTarget } from './shared-target.ts';

export interface RowRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** reports/<run-id>/report.json of the run, when one was written. */
  readonly report: RunReport | undefined;
  /** Problems of the reports folder (half-written report, temporary file): [] when clean. */
  readonly reportProblems: string[];
  /** Process groups of the run (the gate's own, and every child its report names) still alive 3 s after it exited. */
  readonly leftovers: string[];
  readonly wallMs: number;
}

/** PATH without any folder holding a k6 binary. */
function pathWithoutK6(path: string): string {
  return path.split(delimiter).filter((dir) => dir && !existsSync(join(dir, 'k6'))).join(delimiter);
}

/** Puts the row's fault in place and runs the real gate CLI once, against the shared stack or its own. */
export async function runRow(row: FaultRow, index: number, target: SharedTarget, tmp: string): Promise<RowRun> {
  const work = join(tmp, `row-${index}`);
  const root = join(work, 'reports');
  mkdirSync(root, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TRACSEQ_REPORTS_DIR: root,
    TRACSEQ_CONTRACTS_MATRIX: join(work, 'matrix.json'),
    TRACSEQ_SLO_HISTORY_DIR: join(work, 'slo-history'),
  };
  const args = ['--env', 'local', ...row.gate, '--pacts', target.pacts];
  const inject = row.inject;
  if (inject.kind === 'start') args.push('--target', 'local', ...inject.faults.flatMap((f) => ['--fault', f]));
  else Object.assign(env, target.env);
  if (inject.kind === 'runtime' && inject.when === undefined) await target.stack.setFaults(inject.service, inject.faults);
  if (inject.kind === 'stop') for (const stopped of inject.targets) await target.stack.kill(stopped);
  if (target.prometheusUrl && inject.kind !== 'start' && inject.kind !== 'prometheus-down') args.push('--prometheus', target.prometheusUrl);
  if (inject.kind === 'prometheus-down') {
    const prometheus = await startPrometheus({ scrapeTargets: target.stack.urls, scrapeInterval: '1s' });
    await prometheus.stop();
    args.push('--prometheus', prometheus.url);
  }
  if (inject.kind === 'k6-missing') Object.assign(env, { K6_BINARY: join(work, 'no-such-k6'), PATH: pathWithoutK6(env['PATH'] ?? '') });
  if (inject.kind === 'catalog') args.push('--catalog', inject.file);
  if (row.load) {
    const file = join(work, 'load.json');
    writeFileSync(file, JSON.stringify(row.load));
    args.push('--load-config', file);
  }
  const started = Date.now();
  const gate = spawnGate(args, env);
  // A fault that starts with the load (a creep): set it when the gate says its load step started.
  const late = inject.kind === 'runtime' && inject.when === 'load-start'
    ? gate.waitForLine(/\] load +start/, 120_000).then(() => target.stack.setFaults(inject.service, inject.faults))
    : Promise.resolve();
  const deadline = setTimeout(() => gate.kill('SIGKILL'), 150_000);
  const { code, stdout, stderr } = await gate.done.finally(() => clearTimeout(deadline));
  await late;
  const wallMs = Date.now() - started;
  const [dir] = runDirs(root);
  const file = dir ? join(root, dir, 'report.json') : undefined;
  const report = file && existsSync(file) ? RunReport.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
  return { code, stdout, stderr, report, reportProblems: reportProblems(root), leftovers: await leftovers(gate.pid, report, 3_000), wallMs };
}
