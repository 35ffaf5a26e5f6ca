import { readFileSync } from 'node:fs';
import { defaultStateFile, isAlive, readState, removeState } from './state-file.ts';

/** Only signal a recorded child pid while it still runs one of our service processes (pids get reused). */
function isServiceProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('service-main.ts');
  } catch {
    return isAlive(pid);
  }
}

async function waitGone(pids: readonly number[], deadline: number): Promise<number[]> {
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = alive.filter(isAlive);
  }
  return alive;
}

/** Stops the stack recorded in the state file: SIGTERM to the supervisor, then stragglers; idempotent. */
export async function stackDown(stateFile: string = defaultStateFile(), out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const state = readState(stateFile);
  if (!state) {
    out.write(`no reference stack recorded in ${stateFile}; nothing to stop\n`);
    return;
  }
  if (isAlive(state.pid)) process.kill(state.pid, 'SIGTERM');
  let left = await waitGone([state.pid, ...state.pids.filter(isServiceProcess)], Date.now() + 15_000);
  for (const pid of left) if (pid !== state.pid && isServiceProcess(pid)) process.kill(pid, 'SIGKILL');
  left = await waitGone(left, Date.now() + 2_000);
  removeState(stateFile, state.pid);
  out.write(left.length === 0 ? `reference stack stopped (supervisor pid ${state.pid})\n` : `reference stack stopped; pids still alive: ${left.join(', ')}\n`);
}
