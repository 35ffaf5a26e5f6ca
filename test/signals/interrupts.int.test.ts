import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnGate } from '../../gate/spawn-gate.ts';
import { readReport, reportProblems, runDirs } from '../helpers/report-dirs.ts';
import { leftovers } from '../helpers/run-leftovers.ts';
import { runTool } from '../helpers/run-tool.ts';

/**
 * Interrupts: SIGINT and SIGTERM sent to a `gate --target local` run during its load step and again
 * during its SLO step. k6, the stack and Prometheus stop within 10 s; a partial report marked
 * interrupted is written; the exit code is 130 or 143; no process of the run is left: neither in the
 * gate's own process group nor in the group of any child its report names.
 */
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-signals-'));
const load = join(tmp, 'load.json');
writeFileSync(load, JSON.stringify({ rate: 20, ramp: '1s', thinkScale: 0 }));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `ps -eo pid,ppid,args` lines mentioning `text` (other than this check itself). */
async function psLines(text: string): Promise<string[]> {
  return (await runTool('ps', ['-eo', 'pid,ppid,args'])).stdout.split('\n').filter((l) => l.includes(text) && !l.includes('ps -eo'));
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
    try {
      await gate.waitForLine(new RegExp(`\\] ${step} +start`), 150_000);
      // k6 is running once it prints (its banner, then progress each second).
      if (step === 'load') await gate.waitForLine(/^\[k6\] /, 30_000);
      await sleep(step === 'load' ? 1500 : 200);
    } catch (err) {
      gate.kill('SIGKILL');
      throw err;
    }
    const signalled = Date.now();
    gate.kill(signal);
    const { code, stdout, stderr } = await gate.done;
    const gateMs = Date.now() - signalled;
    expect(code, `${stdout}\n${stderr}`.slice(-3000)).toBe(exit);
    expect(reportProblems(root)).toEqual([]);
    const dirs = runDirs(root);
    expect(dirs).toHaveLength(1);
    const report = readReport(root, dirs[0]!);
    const alive = await leftovers(gate.pid, report, Math.max(0, 10_000 - gateMs));
    process.stdout.write(`${signal} during ${step}: ${report.processes?.length ?? 0} child processes, gate exited ${code} after ${gateMs} ms, ${alive.length} left\n`);

    expect(report.processes?.map((p) => p.label)).toContain(step === 'load' ? 'k6' : 'prometheus');
    expect(alive, `still alive 10 s after ${signal}`).toEqual([]);
    expect(gateMs).toBeLessThan(15_000);
    expect(await psLines(root), 'a process of the run is still running').toEqual([]);
    expect(`${stdout}\n${stderr}`).not.toMatch(/\n\s+at /);
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
