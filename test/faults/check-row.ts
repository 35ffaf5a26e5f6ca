import { describe, expect, it } from 'vitest';
import { findSuite } from '../../core/result.ts';
import type { MatrixLine } from './matrix-table.ts';
import type { FaultRow } from './matrix-rows.ts';
import { rowVerdict } from './row-verdict.ts';
import { runRow, type RowRun } from './run-row.ts';
import type { SharedTarget } from './shared-target.ts';

/**
 * Runs the rows of a matrix against one shared target: rows with the same injection and gate arguments
 * (start-time faults, stopped processes) share one run.
 */
export function rowRunner(target: () => SharedTarget, tmp: string): (row: FaultRow, index: number) => Promise<RowRun> {
  const shared = new Map<string, Promise<RowRun>>();
  return (row, index) => {
    if (row.inject.kind !== 'start' && row.inject.kind !== 'stop') return runRow(row, index, target(), tmp);
    const key = JSON.stringify([row.inject, row.gate]);
    if (!shared.has(key)) shared.set(key, runRow(row, index, target(), tmp));
    return shared.get(key)!;
  };
}

/**
 * A row's run, read as a CI user would: the suite that caught it, the verdict, the exit code and the cause
 * the report shows, no stack trace, no half-written report, no process left behind. Returns the printed line.
 */
export function checkRow(row: FaultRow, run: RowRun): MatrixLine {
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
    return { fault: row.fault, caughtBy: 'catalog (before any suite)', exit: String(run.code), cause: run.stderr.split('\n').slice(0, 2).map((l) => l.trim()).join(' ') };
  }
  const report = run.report!;
  expect(report, 'report.json under the run folder').toBeDefined();
  expect(report.verdict).toBe(want.verdict);
  expect(report.exitCode).toBe(want.exit);
  const verdict = rowVerdict(report, want);
  expect(verdict.caughtBy, output.slice(-3000)).toContain(want.suite);
  expect(verdict.cause, `${want.suite} names ${want.names} with ${want.cause}:\n${JSON.stringify(report.suites.find((s) => s.suite === want.suite), null, 1).slice(0, 4000)}`).toBeDefined();
 for (const more of want.also ?? []) {    const also = rowVerdict(report, { ...want, ...more, kind: more.kind });    expect(also.cause, `${want.suite} also names ${more.names} with ${more.cause}`).toBeDefined();  }
  let shown = verdict.shown!;
  if (want.risesByMs !== undefined) {
    const series = findSuite(report, 'load')?.data?.series ?? [];
    const p95s = series.map((p) => p.p95).filter((v): v is number => v !== null && v > 0);
    const [first, last] = [p95s[0] ?? 0, p95s.at(-1) ?? 0];
    expect(last - first, `per-second p95 ${p95s.map(Math.round).join(', ')}`).toBeGreaterThanOrEqual(want.risesByMs);
    shown = `${shown.slice(0, 60)}; p95 per second rose ${Math.round(first)} -> ${Math.round(last)} ms`;
  }
  return { fault: row.fault, caughtBy: verdict.caughtBy.join(', '), exit: String(run.code), cause: shown };
}

/** One test per row, each against the shared target after a reset; the printed matrix lines go to `printed`. */
export function describeFaultRows(title: string, rows: readonly FaultRow[], target: () => SharedTarget, tmp: string, printed: MatrixLine[]): void {
  const runOnce = rowRunner(target, tmp);
  describe(title, () => {
    it.each(rows.map((row, i) => [row.fault, row, i] as const))('%s: caught by the right suite, with the verdict, exit code and cause', async (_name, row, index) => {
      await target().reset();
      printed.push(checkRow(row, await runOnce(row, index)));
    });
  });
}
