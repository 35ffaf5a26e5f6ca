import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuite } from '../../core/result.ts';
import { FAULT_ROWS, HEALTHY_RUN, type FaultRow } from './matrix-rows.ts';
import { formatMatrix, type MatrixLine } from './matrix-table.ts';
import { rowVerdict } from './row-verdict.ts';
import { runRow, type RowRun } from './run-row.ts';
import { startSharedTarget, type SharedTarget } from './shared-target.ts';

/**
 * The fault matrix: every fault the reference stack can inject (plus Prometheus down, k6 missing and
 * a malformed catalog) run through the real gate CLI. Each row asserts the suite that caught it, the
 * verdict, the exit code and the cause the report shows, with no half-written report and no process
 * left behind. Then a healthy stack must pass 20 gate runs in a row. One shared stack and one set of
 * pacts serve every row but the start-time faults, which the gate starts itself (`--target local`).
 */
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-faults-'));
let target: SharedTarget;
const printed: MatrixLine[] = [];
const shared = new Map<string, Promise<RowRun>>();

beforeAll(async () => {
  target = await startSharedTarget(tmp);
}, 180_000);

afterAll(async () => {
  await target?.stop();
  if (printed.length > 0) process.stdout.write(`\nfault matrix (${printed.length} rows)\n${formatMatrix(printed)}\n\n`);
  rmSync(tmp, { recursive: true, force: true });
});

/** Rows with the same injection and gate arguments (the two start-time faults) share one run. */
function runOnce(row: FaultRow, index: number): Promise<RowRun> {
  const key = JSON.stringify([row.inject, row.gate]);
  if (row.inject.kind !== 'start') return runRow(row, index, target, tmp);
  if (!shared.has(key)) shared.set(key, runRow(row, index, target, tmp));
  return shared.get(key)!;
}

describe('the fault matrix', () => {
  it.each(FAULT_ROWS.map((row, i) => [row.fault, row, i] as const))('%s: caught by the right suite, with the verdict, exit code and cause', async (_name, row, index) => {
    await target.reset();
    const run = await runOnce(row, index);
    const output = `${run.stdout}\n${run.stderr}`;
    const { expect: want } = row;
    expect(output, 'a stack trace').not.toMatch(/\n\s+at /);
    expect(run.code, output.slice(-3000)).toBe(want.exit);
    expect(run.reportProblems).toEqual([]);
    expect(run.leftovers, 'processes of the run still alive').toEqual([]);
    if (want.verdict === 'none') {
      expect(run.report, 'refused before the run: no report').toBeUndefined();
      const headline = run.stderr.split('\n')[0] ?? '';
      expect(headline).toMatch(/^error: /);
      expect(headline).toContain(want.names);
      expect(run.stderr).toMatch(want.cause);
      printed.push({ fault: row.fault, caughtBy: 'catalog (before any suite)', exit: String(run.code), cause: run.stderr.split('\n').slice(0, 2).map((l) => l.trim()).join(' ') });
      return;
    }
    const report = run.report!;
    expect(report, 'report.json under the run folder').toBeDefined();
    expect(report.verdict).toBe(want.verdict);
    expect(report.exitCode).toBe(want.exit);
    const verdict = rowVerdict(report, want);
    expect(verdict.caughtBy, output.slice(-3000)).toContain(want.suite);
    expect(verdict.cause, `${want.suite} names ${want.names} with ${want.cause}:\n${JSON.stringify(report.suites.find((s) => s.suite === want.suite), null, 1).slice(0, 4000)}`).toBeDefined();
    for (const more of want.also ?? []) {
      const also = rowVerdict(report, { ...want, ...more, kind: more.kind });
      expect(also.cause, `${want.suite} also names ${more.names} with ${more.cause}`).toBeDefined();
    }
    let shown = verdict.shown!;
    if (want.risesByMs !== undefined) {
      const series = findSuite(report, 'load')?.data?.series ?? [];
      const p95s = series.map((p) => p.p95).filter((v): v is number => v !== null && v > 0);
      const [first, last] = [p95s[0] ?? 0, p95s.at(-1) ?? 0];
      expect(last - first, `per-second p95 ${p95s.map(Math.round).join(', ')}`).toBeGreaterThanOrEqual(want.risesByMs);
      shown = `${shown.slice(0, 60)}; p95 per second rose ${Math.round(first)} -> ${Math.round(last)} ms`;
    }
    printed.push({ fault: row.fault, caughtBy: verdict.caughtBy.join(', '), exit: String(run.code), cause: shown });
  });
});

describe('a healthy stack', () => {
  it('passes 20 gate runs in a row (pr suites plus a short load): no retry of the test, no failed check, nothing left running', async () => {
    await target.reset();
    const walls: number[] = [];
    const warnings: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const run = await runRow(HEALTHY_RUN, 100 + i, target, tmp);
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.code, `run ${i + 1} of 20:\n${output.slice(-3000)}`).toBe(0);
      const report = run.report!;
      expect(report.suites.map((s) => s.suite)).toEqual(['smoke', 'contracts', 'load', 'slo']);
      expect(report.suites.map((s) => s.outcome), `run ${i + 1}`).toEqual([expect.stringMatching(/^(pass|warn)$/), 'pass', 'pass', 'skip']);
      const checks = report.suites.flatMap((s) => s.checks.map((c) => ({ ...c, suite: s.suite })));
      const failed = checks.filter((c) => c.outcome === 'fail' || c.outcome === 'inconclusive');
      expect(failed.map((c) => `${c.suite} ${c.id}: ${c.failure?.message ?? ''}`), `run ${i + 1}`).toEqual([]);
      // The only second chance the gate gives is re-timing a slow first response (a warning, shown in
      // the report); an error, a wrong status or a bad body never passes on a second try.
      const warned = checks.filter((c) => c.outcome === 'warn');
      expect(warned.filter((c) => c.failure?.kind !== 'slow').map((c) => c.id), `run ${i + 1}`).toEqual([]);
      warnings.push(...warned.map((c) => `run ${i + 1}: ${c.suite} ${c.id}: ${c.failure?.message ?? ''}`));
      expect(run.reportProblems).toEqual([]);
      expect(run.leftovers).toEqual([]);
      walls.push(run.wallMs);
    }
    walls.sort((a, b) => a - b);
    process.stdout.write(`healthy gate: 20/20 passed (exit 0); wall time per run median ${(walls[10]! / 1000).toFixed(1)} s, max ${(walls[19]! / 1000).toFixed(1)} s; ${warnings.length} slow-first-response warning(s)${warnings.length ? `:\n  ${warnings.join('\n  ')}` : ''}\n`);
  });
});
