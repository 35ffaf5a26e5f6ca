import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/suite.ts';
import { startChild } from '../infra/process.ts';

export interface GateProcess {
  /** The gate's pid, which is also its process group id (it leads its own group). */
  readonly pid: number;
  /** Resolves when the gate exits, with its exit code (or 128 + signal number) and output. */
  readonly done: Promise<{ code: number; stdout: string; stderr: string }>;
  /** Sends `signal` to the gate process alone, as `kill <pid>` would. */
  kill(signal: NodeJS.Signals): void;
  /** Resolves when a stderr line matches (progress lines go to stderr); rejects if the gate exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs `tracseq-validate gate <args>` as a real child process in its own process group (tests, benchmarks). */
export function spawnGate(args: readonly string[], env: NodeJS.ProcessEnv): GateProcess {
  const listeners = new Set<() => void>();
  const child = startChild({
    command: process.execPath,
    args: [join(PROJECT_ROOT, 'bin/tracseq-validate.js'), 'gate', ...args],
    label: 'gate',
    env,
    captureStdout: true,
    captureStderr: true,
    onLine: (_line, stream) => { if (stream === 'stderr') for (const l of listeners) l(); },
  });
  const done = child.exited.then((exit) => ({ code: exit.code ?? 128 + (SIGNAL_NUMBERS[exit.signal ?? ''] ?? 0), stdout: child.stdout(), stderr: child.stderr() }));
  return {
    pid: child.pid ?? -1,
    done,
    kill: (signal) => { if (child.running()) child.handle.kill(signal); },
    waitForLine: (pattern, timeoutMs) => new Promise((resolve, reject) => {
      const check = () => {
        const line = child.stderr().split('\n').find((l) => pattern.test(l));
        if (line === undefined) return;
        cleanup();
        resolve(line);
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`no stderr line matched ${pattern} within ${timeoutMs} ms:\n${child.stderr().slice(-2000)}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); listeners.delete(check); };
      void done.then(() => { if (listeners.has(check)) { cleanup(); reject(new Error(`the gate exited before a line matched ${pattern}:\n${child.stderr().slice(-2000)}`)); } });
      listeners.add(check);
      check();
    }),
  };
}
