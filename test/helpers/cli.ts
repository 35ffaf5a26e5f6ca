import { fileURLToPath } from 'node:url';
import { runChild } from '../../infra/process.ts';

const BIN = fileURLToPath(new URL('../../bin/tracseq-validate.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node bin/tracseq-validate.js ...args`) through infra/process.ts with a deadline; stopped (group SIGTERM, then SIGKILL) when it passes. */
export async function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Promise<CliResult> {
  const result = await runChild({
    command: process.execPath,
    args: [BIN, ...args],
    label: 'tracseq-validate',
    env: { ...process.env, ...options.env },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    captureStderr: true,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  if (result.error) throw new Error(`cannot run the CLI: ${result.error}`);
  return { code: result.code, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The run folder a CLI run printed (`report: <dir>/index.html`). */
export function reportDirOf(stdout: string): string | undefined {
  return /^report: (.+)\/index\.html$/m.exec(stdout)?.[1];
}
