import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendantPids, isAlive } from '../../gate/descendants.ts';

/** Samples the process tree under `child` until it exits: every pid the run started, for orphan checks. */
export function watchDescendants(child: ChildProcess, done: Promise<unknown>, everyMs = 100): Set<number> {
  const seen = new Set<number>();
  const sample = () => { if (child.pid) for (const pid of descendantPids(child.pid)) seen.add(pid); };
  const timer = setInterval(sample, everyMs);
  void done.finally(() => clearInterval(timer));
  return seen;
}

/** The pids still alive after `withinMs` (polled): [] when every process is gone. */
export async function stillAlive(pids: Iterable<number>, withinMs: number): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  let alive = [...pids].filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter(isAlive);
  }
  return alive;
}
