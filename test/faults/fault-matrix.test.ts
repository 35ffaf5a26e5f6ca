import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFaultRows } from './check-row.ts';
import { FAULT_ROWS, HEALTHY_RUN } from './matrix-rows.ts';
import { formatMatrix, type MatrixLine } from './matrix-table.ts';
import { runRow } from './run-row.ts';
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

beforeAll(async () => {
  target = await startSharedTarget(tmp);
}, 180_000);

afterAll(async () => {
  await target?.stop();
  if (printed.length > 0) process.stdout.write(`\nfault matrix (${printed.length} rows)\n${formatMatrix(printed)}\n\n`);
  rmSync(tmp, { recursive: true, force: true });
});

describeFaultRows('the fault matrix', FAULT_ROWS, () => target, tmp, printed);

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
