import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/suite.ts';

export interface GateProcess {
  readonly child: ChildProcess;
  /** Resolves when the gate exits, with its exit code (or 128 + signal number) and output. */
  readonly done: Promise<{ code: number; stdout: string; stderr: string }>;
  /** Resolves when a stderr line matches (progress lines go to stderr); rejects if the gate exits first or after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/** Runs `tracseq-validate gate <args>` as a real child process (tests, benchmarks). */
export function spawnGate(args: readonly string[], env: NodeJS.ProcessEnv): GateProcess {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/tracseq-validate.js'), 'gate', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    for (const l of listeners) l();
  });
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0), stdout, stderr }));
  });
  return {
    child,
    done,
    waitForLine: (pattern, timeoutMs) => new Promise((resolve, reject) => {
      const check = () => {
        const line = stderr.split('\n').find((l) => pattern.test(l));
        if (line === undefined) return;
        cleanup();
        resolve(line);
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`no stderr line matched ${pattern} within ${timeoutMs} ms:\n${stderr.slice(-2000)}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); listeners.delete(check); };
      void done.then(() => { if (listeners.has(check)) { cleanup(); reject(new Error(`the gate exited before a line matched ${pattern}:\n${stderr.slice(-2000)}`)); } });
      listeners.add(check);
      check();
    }),
  };
}
