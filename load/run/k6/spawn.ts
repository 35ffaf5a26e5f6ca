import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tailBuffer, terminate } from '../../../infra/child-process.ts';

/**
 * Runs one k6 process, passing its progress and log lines through `onLine` as they come. On abort
 * it asks k6 to stop (SIGINT: k6 ends the test and still writes its summary), then kills it if it
 * does not stop within `graceMs`.
 */
export interface K6Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last few KB of k6's output, for error messages. */
  readonly tail: string;
  readonly spawnError: string | undefined;
}

export interface RunK6Options {
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  readonly onLine: (line: string) => void;
  readonly cwd?: string;
  readonly graceMs?: number;
}

export async function runK6(binary: string, args: readonly string[], options: RunK6Options): Promise<K6Exit> {
  const child = spawn(binary, [...args], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = tailBuffer(6000);
  let spawnError: string | undefined;
  child.once('error', (err) => { spawnError = err.message; });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      tail.push(`${line}\n`);
      if (line.trim() !== '') options.onLine(line);
    });
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const onAbort = () => {
    child.kill('SIGINT');
    const timer = setTimeout(() => void terminate(child, 5000), options.graceMs ?? 30_000);
    timer.unref();
  };
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener('abort', onAbort, { once: true });
  await new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  options.signal.removeEventListener('abort', onAbort);
  process.off('exit', killOnExit);
  return { code: child.exitCode, signal: child.signalCode, tail: tail.text(), spawnError };
}

/** Runs k6 to completion and returns its stdout (for `k6 inspect`). */
export async function captureK6(binary: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(binary, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const stderr = tailBuffer(4000);
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => stderr.push(c));
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('close', (c) => resolve(c));
  });
  return { code, stdout, stderr: stderr.text() };
}
