import { waitUntil } from '../../infra/wait.ts';
import { defaultStateFile, isAlive, readState, removeState } from './state-file.ts';

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // gone already
  }
}

async function waitGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  await waitUntil(async () => (pids.some(isAlive) ? { done: false, reason: 'still running' } : { done: true, value: true }), { timeoutMs, intervalMs: 100, maxIntervalMs: 250 });
  return pids.filter(isAlive);
}

/**
 * Stops the stack recorded in the state file: SIGTERM to the supervisor, which stops its services;
 * a service still running 15 s later has its process group killed. The recorded service pids are
 * only trusted while their supervisor runs: services exit with it (their IPC channel closes), so
 * once it is gone a recorded pid may belong to someone else and is left alone. Idempotent.
 */
export async function stackDown(stateFile: string = defaultStateFile(), out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const state = readState(stateFile);
  if (!state) {
    out.write(`no reference stack recorded in ${stateFile}; nothing to stop\n`);
    return;
  }
  if (!isAlive(state.pid)) {
    removeState(stateFile, state.pid);
    out.write(`reference stack already stopped (supervisor pid ${state.pid} is gone; its services stop with it)\n`);
    return;
  }
  process.kill(state.pid, 'SIGTERM');
  let left = await waitGone([state.pid, ...state.pids], 15_000);
  for (const pid of left) if (pid !== state.pid) signalGroup(pid, 'SIGKILL');
  left = await waitGone(left, 2_000);
  removeState(stateFile, state.pid);
  out.write(left.length === 0 ? `reference stack stopped (supervisor pid ${state.pid})\n` : `reference stack stopped; pids still alive: ${left.join(', ')}\n`);
}
