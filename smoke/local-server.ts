import { startChild, type StartOptions } from '../infra/process.ts';
import { waitReady } from '../infra/wait.ts';

export interface LocalServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A throwaway server for tests and the local target, through infra/process.ts (own process group,
 * bounded output tail, stopped as a group): started, awaited with `ready` until `timeoutMs`, and
 * stopped (then `cleanup`) when it never becomes ready.
 */
export async function startLocalServer(
  start: StartOptions & { readonly url: string; readonly timeoutMs?: number },
  ready: () => Promise<boolean>,
  cleanup: () => Promise<void>,
): Promise<LocalServer> {
  const child = startChild(start);
  const stop = async () => {
    await child.stop(5_000);
    await cleanup();
  };
  try {
    await waitReady(`${start.label} on ${start.url}`, async () => ((await ready()) ? { done: true, value: true } : { done: false, reason: 'not answering yet' }), { timeoutMs: start.timeoutMs ?? 30_000, child, maxIntervalMs: 500 });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: start.url, pid: child.pid ?? 0, stop };
}
