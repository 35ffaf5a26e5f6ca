import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/suite.ts';
import type { RunReport } from '../../core/result.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** report.json of the run, when the CLI wrote one. */
  readonly report?: RunReport;
}

/** Runs `node bin/tracseq-validate.js ...args` (the real CLI) with a deadline, and reads its report. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliRun> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/tracseq-validate.js'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const dir = /^report: (.+)$/m.exec(stdout)?.[1];
  const report = dir ? (JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as RunReport) : undefined;
  return { code, stdout, stderr, ...(report ? { report } : {}) };
}
