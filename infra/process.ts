import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * The one way the harness starts a child process (k6, Prometheus, Pushgateway, PostgreSQL, Redis,
 * pact workers, git, the CLI in tests). Every child runs in its own process group, keeps a bounded
 * tail of its output for error messages, and is stopped as a group: a first signal (SIGTERM unless
 * told otherwise), then SIGKILL after a grace period. Whatever is still running when the harness
 * process exits is SIGKILLed as a group, so nothing it started outlives it.
 */
export interface StartOptions {
  /** An executable, or a Node module path when `node` is true. */
  readonly command: string;
  readonly args?: readonly string[];
  /** Names the child in errors and logs, e.g. `prometheus`. */
  readonly label: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Run as this user and group (a root harness starting PostgreSQL, which refuses root). */
  readonly uid?: number;
  readonly gid?: number;
  /** Fork `command` as a Node module with this Node and an IPC channel. */
  readonly node?: boolean;
  readonly execArgv?: readonly string[];
  /** `pipe` keeps stdin open for `process.stdin` writes (default `ignore`). */
  readonly stdin?: 'ignore' | 'pipe';
  /** Lines of output kept for error messages (default 40). */
  readonly tailLines?: number;
  /** Every non-empty output line as it comes. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Keep the whole stdout (for commands whose answer is their output); capped at `maxStdoutBytes`. */
  readonly captureStdout?: boolean;
  /** Keep the whole stderr too (a CLI under test), with the same cap. */
  readonly captureStderr?: boolean;
  readonly maxStdoutBytes?: number;
  /** Aborting stops the child (`stopSignal`, then SIGKILL after `graceMs`). */
  readonly signal?: AbortSignal;
  /** The first signal of a stop (default SIGTERM; k6 wants SIGINT to still write its summary). */
  readonly stopSignal?: NodeJS.Signals;
  /** Grace between the first signal and SIGKILL (default 10 s). */
  readonly graceMs?: number;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The child could not be started at all (ENOENT, EACCES). */
  readonly error?: string;
}

export interface RunningChild {
  readonly label: string;
  readonly pid: number | undefined;
  /** The Node handle, for IPC (`send`) and stdin. */
  readonly handle: ChildProcess;
  /** Resolves once the child has exited and its output is drained. */
  readonly exited: Promise<ExitInfo>;
  running(): boolean;
  /** The last output lines, newest last. */
  tail(): string;
  /** Captured stdout (with `captureStdout`). */
  stdout(): string;
  /** Captured stderr (with `captureStderr`). */
  stderr(): string;
  /** Stops the process group: `signal` (default the child's stop signal), then SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<ExitInfo>;
}

const live = new Set<RunningChild>();
let exitHookInstalled = false;

/** A child as a run reports it: what it is and its pid (its process group id too). */
export interface StartedChild {
  readonly label: string;
  readonly pid: number;
}
const startListeners = new Set<(child: StartedChild) => void>();

/** Calls `listener` for every child started from now on (the run driver lists them in the report); returns a remover. */
export function onChildStarted(listener: (child: StartedChild) => void): () => void {
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

function signalGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // the group is gone already
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) signalGroup(child.pid, 'SIGKILL');
  });
}

/** Children still running (for tests and the gate's last line of defence). */
export function liveChildren(): readonly RunningChild[] {
  return [...live];
}

export function startChild(options: StartOptions): RunningChild {
  installExitHook();
  const stdio = [options.stdin ?? 'ignore', 'pipe', 'pipe', ...(options.node ? ['ipc' as const] : [])] as const;
  const as = { ...(options.uid === undefined ? {} : { uid: options.uid }), ...(options.gid === undefined ? {} : { gid: options.gid }) };
  const handle = options.node
    ? fork(options.command, [...(options.args ?? [])], { env: options.env, cwd: options.cwd, execArgv: [...(options.execArgv ?? [])], stdio: [...stdio], detached: true, ...as })
    : spawn(options.command, [...(options.args ?? [])], { env: options.env, cwd: options.cwd, stdio: [...stdio], detached: true, ...as });
  const keep = options.tailLines ?? 40;
  const lines: string[] = [];
  const captured = { stdout: '', stderr: '' };
  const maxCapture = options.maxStdoutBytes ?? 16 * 1024 * 1024;
  let spawnError: string | undefined;
  const drained = (['stdout', 'stderr'] as const).map((name) => {
    const stream = handle[name];
    if (!stream) return Promise.resolve();
    if (name === 'stdout' ? options.captureStdout : options.captureStderr) stream.on('data', (c: Buffer) => { if (captured[name].length < maxCapture) captured[name] += c.toString(); });
    const reader = createInterface({ input: stream, crlfDelay: Infinity });
    reader.on('line', (line) => {
      if (line.trim() === '') return;
      lines.push(line);
      if (lines.length > keep) lines.shift();
      options.onLine?.(line, name);
    });
    return new Promise<void>((resolve) => {
      reader.once('close', resolve);
      stream.once('close', resolve);
    });
  });
  handle.once('error', (err) => { spawnError = err.message; });
  const exited = new Promise<ExitInfo>((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      void Promise.all(drained).then(() => resolve({ code, signal, ...(spawnError ? { error: spawnError } : {}) }));
    };
    handle.once('exit', done);
    // A child that could not be started emits only `error`: there is no output to wait for.
    handle.once('error', () => { if (handle.pid === undefined) resolve({ code: null, signal: null, error: spawnError ?? 'spawn failed' }); });
  });
  let stopping: Promise<ExitInfo> | undefined;
  const child: RunningChild = {
    label: options.label,
    pid: handle.pid,
    handle,
    exited,
    running: () => handle.exitCode === null && handle.signalCode === null && spawnError === undefined,
    tail: () => lines.join('\n'),
    stdout: () => captured.stdout,
    stderr: () => captured.stderr,
    stop: (graceMs = options.graceMs ?? 10_000, signal = options.stopSignal ?? 'SIGTERM') => {
      stopping ??= (async () => {
        if (!child.running()) return exited;
        signalGroup(handle.pid, signal);
        const timer = setTimeout(() => signalGroup(handle.pid, 'SIGKILL'), graceMs);
        const info = await exited;
        clearTimeout(timer);
        // Grandchildren the leader left behind share its group: take them down too.
        signalGroup(handle.pid, 'SIGKILL');
        return info;
      })();
      return stopping;
    },
  };
  live.add(child);
  void exited.then(() => live.delete(child));
  if (handle.pid !== undefined) for (const listener of startListeners) listener({ label: options.label, pid: handle.pid });
  const onAbort = () => void child.stop();
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  void exited.then(() => options.signal?.removeEventListener('abort', onAbort));
  return child;
}

export interface RunResult extends ExitInfo {
  readonly stdout: string;
  /** The whole stderr with `captureStderr`, else ''. */
  readonly stderr: string;
  readonly tail: string;
  /** The deadline passed and the child was stopped. */
  readonly timedOut: boolean;
}

/** Runs a command to completion (bounded by `timeoutMs`), capturing its stdout and a tail of its output. */
export async function runChild(options: StartOptions & { readonly timeoutMs: number; readonly input?: string }): Promise<RunResult> {
  const child = startChild({ ...options, captureStdout: true, stdin: options.input === undefined ? options.stdin ?? 'ignore' : 'pipe' });
  if (options.input !== undefined) child.handle.stdin?.end(options.input);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.stop(2_000);
  }, options.timeoutMs);
  const info = await child.exited;
  clearTimeout(timer);
  return { ...info, stdout: child.stdout(), stderr: child.stderr(), tail: child.tail(), timedOut };
}
