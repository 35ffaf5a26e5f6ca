import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import type { CaseResult } from './case-result.ts';
import type { ConsumerContract } from './consumer-contract.ts';
import { runContract } from './run-contract.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const contract = (cases: ConsumerContract['cases']): ConsumerContract => ({ consumer: 'probe', provider: 'target', title: 'a probe', cases });

async function run(c: ConsumerContract): Promise<CaseResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'run-contract-'));
  dirs.push(dir);
  const results: CaseResult[] = [];
  await runContract(c, loadCatalog(), dir, (r) => results.push(r), 200);
  return results;
}

describe('running one consumer contract', () => {
  it('reports each case alone: one that throws or hangs fails by itself, the others pass', async () => {
    const results = await run(contract(() => [
      { name: 'passes', description: 'a: x', run: async () => {} },
      { name: 'throws', description: 'b: x', run: async () => { throw new Error('expected 1, got 2'); } },
      { name: 'hangs', description: 'c: x', run: () => new Promise(() => {}) },
      { name: 'passes again', description: 'd: x', run: async () => {} },
    ]));
    expect(results.map((r) => [r.name, r.outcome, r.message])).toEqual([
      ['passes', 'pass', undefined],
      ['throws', 'fail', 'expected 1, got 2'],
      ['hangs', 'fail', 'did not finish within 200 ms'],
      ['passes again', 'pass', undefined],
    ]);
  });

  it('is one failing result when the contract cannot even list its cases', async () => {
    const results = await run(contract(() => { throw new Error('no such event in the catalog'); }));
    expect(results).toEqual([{ consumer: 'probe', provider: 'target', name: '(cases)', outcome: 'fail', message: 'no such event in the catalog', durationMs: 0 }]);
  });
});
