import { runChild, startChild } from '../../../infra/process.ts';

/**
 * Runs one k6 process through infra/process.ts (own process group, bounded output tail), passing its
 * progress and log lines through `onLine` as they come. On abort it asks k6 to stop with SIGINT (k6
 * ends the test and still writes its summary), then kills the group if it has not stopped within
 * `graceMs`.
 */
export interface K6Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The last lines of k6's output, for error messages. */
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

/** Lines of k6 output kept for error messages. */
const TAIL_LINES = 80;

export async function runK6(binary: string, args: readonly string[], options: RunK6Options): Promise<K6Exit> {
  const child = startChild({
    command: binary,
    args,
    label: 'k6',
    env: options.env,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    tailLines: TAIL_LINES,
    onLine: (line) => options.onLine(line),
    signal: options.signal,
    stopSignal: 'SIGINT',
    graceMs: options.graceMs ?? 30_000,
  });
  const exit = await child.exited;
  return { code: exit.code, signal: exit.signal, tail: child.tail(), spawnError: exit.error };
}

/** Runs k6 to completion and returns its stdout and stderr (for `k6 inspect` and `k6 archive`). */
export async function captureK6(binary: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const result = await runChild({ command: binary, args, label: 'k6', env, captureStderr: true, timeoutMs: 120_000 });
  return { code: result.error ? null : result.code, stdout: result.stdout, stderr: result.stderr };
}
