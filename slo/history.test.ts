import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comparisonFrom, fileHistory, toStored, type StoredEvaluation } from './history.ts';
import type { SloEvaluation } from './judge.ts';
import { thresholdSlo } from './test-helpers.ts';

let dir = '';
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'slo-history-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const entry = (at: string, value: number, outcome: 'pass' | 'warn' | 'fail' = 'pass', window = '1h'): StoredEvaluation =>
  ({ version: 1, at, env: 'local', window, runId: `run-${at}`, values: { 'svc:latency-p95': { value, outcome } } });

describe('the evaluation history', () => {
  it('loads the newest N evaluations of the same env and window, newest first', async () => {
    const store = fileHistory(dir);
    for (const [i, v] of [0.1, 0.2, 0.3, 0.4].entries()) await store.save(entry(`2026-01-0${i + 1}T00:00:00.000Z`, v));
    await store.save(entry('2026-01-09T00:00:00.000Z', 9, 'pass', '5m'));
    const { entries } = await store.load('local', '1h', 3);
    expect(entries.map((e) => e.values['svc:latency-p95']?.value)).toEqual([0.4, 0.3, 0.2]);
    expect((await store.load('staging', '1h', 3)).entries).toEqual([]);
  });

  it('skips unreadable files and says which', async () => {
    const store = fileHistory(dir);
    await store.save(entry('2026-01-01T00:00:00.000Z', 0.1));
    await mkdir(join(dir, 'local'), { recursive: true });
    await writeFile(join(dir, 'local', '2026-01-02-broken.json'), '{not json');
    const { entries, skipped } = await store.load('local', '1h', 5);
    expect(entries).toHaveLength(1);
    expect(skipped).toEqual(['2026-01-02-broken.json']);
  });

  it('uses only passing or warning values as the baseline', () => {
    const compare = comparisonFrom([entry('a', 0.1), entry('b', 0.9, 'fail'), entry('c', 0.2, 'warn')], 3)('svc:latency-p95');
    expect(compare).toEqual({ requested: 3, stored: 3, noiseSeconds: 0, values: [0.1, 0.2] });
  });

  it('stores finite values of SLOs that had data, and nothing for no data', () => {
    const base = { window: '1h', objectiveText: '', valueText: '', reason: '', burn: [], relative: [], notes: [] };
    const evaluations: SloEvaluation[] = [
      { ...base, slo: thresholdSlo(), outcome: 'pass', value: 0.12 },
      { ...base, slo: thresholdSlo({ id: 'svc:p99' }), outcome: 'fail', value: Number.POSITIVE_INFINITY },
      { ...base, slo: thresholdSlo({ id: 'svc:gone' }), outcome: 'no-data' },
    ];
    expect(toStored(evaluations, { at: new Date('2026-01-01T00:00:00Z'), env: 'local', window: '1h', runId: 'r' }).values).toEqual({ 'svc:latency-p95': { value: 0.12, outcome: 'pass' } });
  });
});
