import type { RunReport } from '../../core/result.ts';
import { waitUntil } from '../../infra/wait.ts';

/** True while the process group `pgid` has a member (no /proc: the kernel answers kill(-pgid, 0)). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process groups a finished run may leave behind: the CLI's own (it was started as a group leader) and every child its report names. */
export function runGroups(cliPid: number, report: RunReport | undefined): { label: string; pgid: number }[] {
  return [{ label: 'the CLI', pgid: cliPid }, ...(report?.processes ?? []).map((p) => ({ label: p.label, pgid: p.pid }))];
}

/** The groups of the run still alive after `withinMs` (polled), named: [] when every process of the run is gone. */
export async function leftovers(cliPid: number, report: RunReport | undefined, withinMs: number): Promise<string[]> {
  const groups = runGroups(cliPid, report);
  const alive = () => groups.filter((g) => groupAlive(g.pgid)).map((g) => `${g.label} (process group ${g.pgid})`);
  const wait = await waitUntil(async () => (alive().length === 0 ? { done: true, value: [] } : { done: false, reason: 'alive' }), { timeoutMs: withinMs, intervalMs: 100, maxIntervalMs: 200 });
  return wait.ok ? [] : alive();
}
