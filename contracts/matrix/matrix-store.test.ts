import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import type { Check } from '../../core/result.ts';
import type { LoadedPact } from '../pact/pact-file.ts';
import { matrixRows } from './matrix-rows.ts';
import { appendMatrix, matrixPath, readMatrix } from './matrix-store.ts';

const pact = (consumer: string, provider: string, hash: string): LoadedPact => ({
  file: `pacts/${consumer}-${provider}.json`,
  hash,
  pact: { consumer: { name: consumer }, provider: { name: provider }, interactions: [] },
});
const check = (outcome: Check['outcome']): Check => ({ id: 'x', name: 'x', outcome, durationMs: 1 });
const meta = { consumerVersion: 'c1', providerVersion: 'p1', environment: 'local', runId: 'run-1', verifiedAt: '2026-11-24T10:00:00.000Z' };

describe('the verification matrix', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records one row per fully verified pact, with its hash, versions and result', () => {
    const rows = matrixRows([pact('a', 'b', '1'.repeat(64)), pact('c', 'b', '2'.repeat(64))], [[check('pass'), check('fail')], [check('pass')]], meta);
    expect(rows.map((r) => [r.consumer, r.provider, r.success, r.interactions, r.failed, r.pactHash.slice(0, 1)])).toEqual([
      ['a', 'b', false, 2, 1, '1'],
      ['c', 'b', true, 1, 0, '2'],
    ]);
    expect(rows[0]).toMatchObject({ consumerVersion: 'c1', providerVersion: 'p1', environment: 'local', runId: 'run-1', pactSource: 'pacts/a-b.json' });
  });

  it('records nothing for a pact that was not actually verified', () => {
    expect(matrixRows([pact('a', 'b', '1'.repeat(64))], [[check('pass'), check('inconclusive')]], meta)).toEqual([]);
    expect(matrixRows([pact('a', 'b', '1'.repeat(64))], [[]], meta)).toEqual([]);
  });

  it('appends rows across runs and reads them back; a missing file is "nothing recorded"', async () => {
    dir = await mkdtemp(join(tmpdir(), 'matrix-'));
    const file = join(dir, 'nested', 'matrix.json');
    expect(await readMatrix(file)).toBeUndefined();
    const [row] = matrixRows([pact('a', 'b', '1'.repeat(64))], [[check('pass')]], meta);
    await appendMatrix(file, [row!]);
    await appendMatrix(file, [{ ...row!, runId: 'run-2' }]);
    expect((await readMatrix(file))?.map((r) => r.runId)).toEqual(['run-1', 'run-2']);
    expect(await readdir(join(dir, 'nested'))).toEqual(['matrix.json']);
  });

  it('names a corrupt matrix file and its bad fields', async () => {
    dir = await mkdtemp(join(tmpdir(), 'matrix-'));
    const file = join(dir, 'matrix.json');
    await writeFile(file, '{');
    await expect(readMatrix(file)).rejects.toThrow(`${file}: not valid JSON (`);
    await writeFile(file, JSON.stringify({ matrixVersion: 1, rows: [{ consumer: 'a' }] }));
    await expect(readMatrix(file)).rejects.toBeInstanceOf(ConfigError);
  });

  it('lives under the reports folder unless TRACSEQ_CONTRACTS_MATRIX says otherwise', () => {
    expect(matrixPath({ TRACSEQ_REPORTS_DIR: '/r' })).toBe('/r/.contracts/matrix.json');
    expect(matrixPath({ TRACSEQ_CONTRACTS_MATRIX: '/m.json' })).toBe('/m.json');
  });
});
