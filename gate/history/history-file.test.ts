import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, historyFile, readHistory } from './history-file.ts';
import type { HistoryEntry } from './history-schema.ts';

const entry = (runId: string): HistoryEntry => ({
  version: 1, runId, at: '2026-12-01T02:13:00.000Z', target: 'local', env: 'local', profile: 'nightly', verdict: 'pass', exitCode: 0,
  figures: { services: { 'sample-service': { p95: 12.5, p99: 30 } }, throughputRps: 125, breakingPointRps: 940, recoveryS: 3, errorBudgetLeft: 0.97 },
  regressions: [],
});

describe('the run history file', () => {
  let root = '';
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'history-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lives beside the reports, one file per target, env and profile', () => {
    expect(historyFile(root, { target: 'local', env: 'local', profile: 'nightly' })).toBe(join(root, 'history', 'local-local-nightly.jsonl'));
    expect(historyFile(root, { target: 'external', env: 'stag/ing', profile: 'nightly' })).toBe(join(root, 'history', 'external-stag_ing-nightly.jsonl'));
  });

  it('is empty before the first run, and appends one line per run, oldest first', async () => {
    const file = historyFile(root, { target: 'local', env: 'local', profile: 'nightly' });
    expect(await readHistory(file)).toEqual([]);
    await appendHistory(file, entry('night-1'));
    await appendHistory(file, entry('night-2'));
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    expect((await readHistory(file)).map((e) => e.runId)).toEqual(['night-1', 'night-2']);
  });

  it('refuses a damaged line, naming the file, the line and the field', async () => {
    const file = join(root, 'h.jsonl');
    const bad = { ...entry('night-2'), figures: { ...entry('x').figures, throughputRps: 'fast' } };
    writeFileSync(file, `${JSON.stringify(entry('night-1'))}\n${JSON.stringify(bad)}\n`);
    const err = await readHistory(file).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2, message: `${file}:2: not a run history entry (1 problem)` });
    expect((err as { details: string[] }).details[0]).toMatch(new RegExp(`^${file}:2: figures\\.throughputRps: `));
    writeFileSync(file, '{"version":1\n');
    await expect(readHistory(file)).rejects.toThrow(`${file}:1: not a JSON line`);
  });

  it('refuses an entry with a field it does not know (strict), and never appends an invalid one', async () => {
    const file = join(root, 'h.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...entry('night-1'), extra: 1 })}\n`);
    await expect(readHistory(file)).rejects.toMatchObject({ exitCode: 2 });
    await expect(appendHistory(join(root, 'other.jsonl'), { ...entry('n'), verdict: 'great' as never })).rejects.toThrow();
  });
});
