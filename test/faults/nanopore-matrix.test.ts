import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { describeFaultRows } from './check-row.ts';
import { formatMatrix, type MatrixLine } from './matrix-table.ts';
import { NANOPORE_ROWS } from './nanopore-rows.ts';
import { startSharedTarget, type SharedTarget } from './shared-target.ts';

/**
 * The fault matrix for the Nanopore system (seed 002), from its catalog alone: one shared stack (twelve
 * processes: the router, the replicas, the bus) with a Prometheus scraping every replica, and one set of
 * generated pacts; each row runs the real gate CLI with `TRACSEQ_CATALOG=catalog/nanopore.yaml`.
 */
const CATALOG = fileURLToPath(new URL('../../catalog/nanopore.yaml', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nanopore-faults-'));
let target: SharedTarget;
const printed: MatrixLine[] = [];

beforeAll(async () => {
  target = await startSharedTarget(tmp, { catalog: CATALOG, prometheus: true });
}, 180_000);

afterAll(async () => {
  await target?.stop();
  if (printed.length > 0) process.stdout.write(`\nfault matrix, Nanopore (${printed.length} rows)\n${formatMatrix(printed)}\n\n`);
  rmSync(tmp, { recursive: true, force: true });
});

describeFaultRows('the Nanopore fault matrix', NANOPORE_ROWS, () => target, tmp, printed);
