import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.ts';
import { readJsonIfExists } from '../../core/read-file.ts';
import { reportsRoot } from '../../core/suite.ts';
import { MatrixFile, type MatrixRow } from './matrix-schema.ts';

/** The verification matrix kept across runs: reports/.contracts/matrix.json, or $TRACSEQ_CONTRACTS_MATRIX. */
export function matrixPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['TRACSEQ_CONTRACTS_MATRIX'] ?? join(reportsRoot(env), '.contracts', 'matrix.json');
}

/** The recorded rows; undefined when nothing was ever recorded. A corrupt file is a ConfigError naming it. */
export async function readMatrix(file: string): Promise<MatrixRow[] | undefined> {
  return (await readJsonIfExists(file, MatrixFile, 'contracts matrix'))?.rows;
}

/** Appends rows (temporary file renamed over the old one, so readers never see half a matrix). */
export async function appendMatrix(file: string, rows: readonly MatrixRow[]): Promise<void> {
  const existing = (await readMatrix(file)) ?? [];
  const content: MatrixFile = { matrixVersion: 1, rows: [...existing, ...rows] };
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
}
