import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid from a /proc/<pid>/stat line (the command may contain spaces and parentheses). */
export function parentPidFromStat(stat: string): number | undefined {
  const close = stat.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Every live descendant of `root` (children, grandchildren, ...), read from /proc; [] where there is no /proc. */
export function descendantPids(root: number = process.pid): number[] {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = parentPidFromStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (ppid !== undefined) parents.set(Number(entry), ppid);
    } catch {
      // the process exited meanwhile
    }
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = [...parents].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** True when `pid` is alive and not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Last line of defence against orphans: when the gate process exits for any reason (a second
 * signal exits at once), SIGKILL whatever descendants are still running. Returns a remover.
 */
export function killDescendantsOnExit(proc: NodeJS.Process = process): () => void {
  const hook = () => {
    for (const pid of descendantPids(proc.pid)) {
      try {
        proc.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  proc.on('exit', hook);
  return () => proc.off('exit', hook);
}
