import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { UnreachableError } from '../../core/errors.ts';
import { formatIssues } from '../../core/zod-issues.ts';
import { VitestReport } from './vitest-report.ts';

export interface ConsumerRunOptions {
  readonly projectRoot: string;
  readonly pactsDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  readonly timeoutMs?: number;
}

/** Environment for the child vitest: this Node first on PATH, the pacts folder, and no vitest state of a parent run. */
export function consumerEnv(env: NodeJS.ProcessEnv, pactsDir: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TINYPOOL_WORKER_ID'));
  return { ...clean, PATH: [dirname(process.execPath), env['PATH'] ?? ''].join(delimiter), TRACSEQ_PACTS_DIR: pactsDir, PACT_DO_NOT_TRACK: 'true' };
}

/**
 * Regenerates the pacts: empties the pacts folder, then runs the `contracts` vitest project (the consumer
 * tests) in a child process with this Node. Returns vitest's JSON report; no report at all is an error.
 */
export async function runConsumerTests(options: ConsumerRunOptions): Promise<VitestReport> {
  await rm(options.pactsDir, { recursive: true, force: true });
  await mkdir(options.pactsDir, { recursive: true });
  const reportFile = join(tmpdir(), `tracseq-consumer-${process.pid}-${Date.now()}.json`);
  const vitest = join(options.projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
  // --no-isolate: one worker imports pact-js once for every consumer test file (each writes its own pact file).
  const args = [vitest, 'run', '--project', 'contracts', '--no-isolate', '--reporter=json', `--outputFile=${reportFile}`];
  const child = spawn(process.execPath, args, { cwd: options.projectRoot, env: consumerEnv(options.env, options.pactsDir), stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs ?? 300_000 });
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (c) => resolve(c));
  });
  try {
    const parsed = VitestReport.safeParse(JSON.parse(await readFile(reportFile, 'utf8')));
    if (!parsed.success) throw new UnreachableError(`consumer tests: unreadable vitest report ${reportFile}`, formatIssues(parsed.error));
    options.log(`consumer tests: ${parsed.data.numPassedTests}/${parsed.data.numTotalTests} passed (vitest exit ${code})`);
    return parsed.data;
  } catch (err) {
    if (err instanceof UnreachableError) throw err;
    const last = tail.trim().split('\n').slice(-5).join(' | ');
    throw new UnreachableError(`consumer tests did not run (vitest exit ${code ?? 'error'}): ${last}`);
  } finally {
    await rm(reportFile, { force: true });
  }
}
