import { startChild, type RunningChild, type StartOptions } from './process.ts';
import { waitReady } from './wait.ts';

/** A server the harness started (PostgreSQL, Redis): where it answers, and its pid, which is also its process group. */
export interface LocalServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Its temp dir (data, socket, working dir), removed by `stop()`. */
  readonly dir: string;
  /** Stops its process group (its stop signal, then SIGKILL) and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a server through infra/process.ts (its own process group) and waits, with a deadline, until
 * `ready` resolves (it throws while the server does not answer yet, and that is the reason named
 * when the deadline passes). A server that exits or never answers is stopped, and the error names
 * it with its last output lines.
 */
export async function startServerChild(start: StartOptions, what: string, ready: (remainingMs: number) => Promise<void>, timeoutMs: number): Promise<RunningChild> {
  const child = startChild(start);
  try {
    await waitReady(what, async (remainingMs) => {
      await ready(remainingMs);
      return { done: true, value: true };
    }, { timeoutMs, child, maxIntervalMs: 500 });
  } catch (err) {
    await child.stop(2_000);
    throw err;
  }
  return child;
}
