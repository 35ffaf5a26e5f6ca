import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.ts';
import { ConfigError } from '../../core/errors.ts';
import { reportsRoot } from '../../core/suite.ts';
import { formatIssues } from '../../core/zod-issues.ts';
import { MatrixFile, type MatrixRow } from './matrix-schema.ts';

/** The verification matrix kept across runs: reports/.contracts/matrix.json, or $TRACSEQ_CONTRACTS_MATRIX. */
export function matrixPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['TRACSEQ_CONTRACTS_MATRIX'] ?? join(reportsRoot(env), '.contracts', 'matrix.json');
}

/** The recorded rows; undefined when nothing was ever recorded. A corrupt file is a ConfigError naming it. */
export async function readMatrix(file: string): Promise<MatrixRow[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`${file}: cannot read the contracts matrix (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file}: the contracts matrix is not valid JSON`);
  }
  const parsed = MatrixFile.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${file}: invalid contracts matrix`, formatIssues(parsed.error, file));
  return parsed.data.rows;
}

/** Appends rows (temporary file renamed over the old one, so readers never see half a matrix). */
export async function appendMatrix(file: string, rows: readonly MatrixRow[]): Promise<void> {
  const existing = (await readMatrix(file)) ?? [];
  const content: MatrixFile = { matrixVersion: 1, rows: [...existing, ...rows] };
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
}
