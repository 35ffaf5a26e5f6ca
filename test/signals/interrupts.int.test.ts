import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { descendantPids } from '../../gate/descendants.ts';
import { spawnGate } from '../../gate/spawn-gate.ts';
import { stillAlive, watchDescendants } from '../helpers/process-tree.ts';
import { readReport, reportProblems, runDirs } from '../helpers/report-dirs.ts';

/**
 * Interrupts: SIGINT and SIGTERM sent to a `gate --target local` run during its load step and again
 * during its SLO step. k6, the stack and Prometheus stop within 10 s; a partial report marked
 * interrupted is written; the exit code is 130 or 143; no process of the run is left.
 */
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-signals-'));
const load = join(tmp, 'load.json');
writeFileSync(load, JSON.stringify({ rate: 20, ramp: '1s', thinkScale: 0 }));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const comm = (pid: number) => { try { return readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { return ''; } };

async function until(what: string, test: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** `ps -eo pid,ppid,args` lines mentioning `text` (other than this check itself). */
function psLines(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,ppid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(text) && !l.includes('ps -eo'));
}

const cases = [
  ['SIGINT', 'load', 130],
  ['SIGTERM', 'load', 143],
  ['SIGINT', 'slo', 130],
  ['SIGTERM', 'slo', 143],
] as const;

describe('interrupting a gate run', () => {
  it.each(cases)('%s during %s: every child stops within 10 s, a partial report marked interrupted, exit %i, nothing left', async (signal, step, exit) => {
    const root = join(tmp, `${signal}-${step}`, 'reports');
    const gate = spawnGate(
      ['--env', 'local', '--target', 'local', '--profile', 'deploy', '--suites', 'load,slo', '--load-config', load, '--load-duration', step === 'load' ? '60s' : '2s'],
      { ...process.env, TRACSEQ_REPORTS_DIR: root, TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo-history') },
    );
    const seen = watchDescendants(gate.child, gate.done, 50);
    try {
      await gate.waitForLine(new RegExp(`\\] ${step} +start`), 150_000);
      if (step === 'load') await until('k6 to run', () => descendantPids(gate.child.pid).some((p) => comm(p) === 'k6'), 30_000);
      await sleep(step === 'load' ? 1500 : 200);
      for (const pid of descendantPids(gate.child.pid)) seen.add(pid);
      expect([...seen].map(comm)).toContain(step === 'load' ? 'k6' : 'prometheus');
    } catch (err) {
      gate.child.kill('SIGKILL');
      throw err;
    }
    const signalled = Date.now();
    gate.child.kill(signal);
    const childrenGone = stillAlive(seen, 10_000).then((alive) => ({ alive, ms: Date.now() - signalled }));
    const { code, stdout, stderr } = await gate.done;
    const children = await childrenGone;
    const gateMs = Date.now() - signalled;
    process.stdout.write(`${signal} during ${step}: ${seen.size} child processes gone in ${children.ms} ms, gate exited ${code} after ${gateMs} ms\n`);

    expect(children.alive, `still alive 10 s after ${signal}: ${children.alive.map((p) => `${p} ${comm(p)}`).join(', ')}`).toEqual([]);
    expect(code, `${stdout}\n${stderr}`.slice(-3000)).toBe(exit);
    expect(gateMs).toBeLessThan(15_000);
    expect(psLines(root), 'a process of the run is still running').toEqual([]);
    expect(`${stdout}\n${stderr}`).not.toMatch(/\n\s+at /);

    expect(reportProblems(root)).toEqual([]);
    const dirs = runDirs(root);
    expect(dirs).toHaveLength(1);
    const report = readReport(root, dirs[0]!);
    expect(report).toMatchObject({ interrupted: true, exitCode: exit });
    expect(report.suites.map((s) => s.suite)).toEqual(['smoke', 'contracts', 'load', 'slo']);
    if (step === 'load') expect(report.suites[3]).toMatchObject({ outcome: 'skip', reason: `interrupted by ${signal} before it started` });
    else {
      expect(report.suites[2]?.outcome, 'the load step finished before the interrupt').not.toBe('skip');
      // The interrupt is named as such: a stopped query is not "Prometheus unreachable".
      expect(report.suites[3]?.checks.every((c) => c.failure?.kind !== 'connection-refused')).toBe(true);
      expect(report.suites[3]?.reason ?? '').not.toMatch(/unreachable/i);
    }
    expect(stdout).toMatch(new RegExp(`verdict: \\w+ \\(interrupted\\) {2}exit ${exit}`));
  });
});
