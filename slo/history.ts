import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-write.ts';
import type { Comparison, SloEvaluation } from './judge.ts';

/**
 * Stored evaluations for relative criteria: one JSON file per evaluation under
 * `<dir>/<env>/`, named so that they sort by time. Only pass/warn values serve as baselines
 * (Keptn's include_result_with_score: pass_or_warn), and only from runs over the same window.
 */
export const StoredEvaluationSchema = z.object({
  version: z.literal(1),
  at: z.string(),
  env: z.string(),
  window: z.string(),
  runId: z.string(),
  values: z.record(z.string(), z.object({ value: z.number(), outcome: z.enum(['pass', 'warn', 'fail']) })),
});
export type StoredEvaluation = z.infer<typeof StoredEvaluationSchema>;

export interface HistoryStore {
  /** The newest `n` stored evaluations for env and window, newest first, and any unreadable files. */
  load(env: string, window: string, n: number): Promise<{ entries: StoredEvaluation[]; skipped: string[] }>;
  save(entry: StoredEvaluation): Promise<string>;
}

const safe = (text: string) => text.replace(/[^a-z0-9_.-]+/gi, '-');

export function fileHistory(dir: string): HistoryStore {
  return {
    async load(env, window, n) {
      const folder = join(dir, safe(env));
      const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort().reverse();
      const entries: StoredEvaluation[] = [];
      const skipped: string[] = [];
      for (const file of files) {
        if (entries.length >= n) break;
        const parsed = StoredEvaluationSchema.safeParse(await readFile(join(folder, file), 'utf8').then(JSON.parse).catch(() => undefined));
        if (!parsed.success) skipped.push(file);
        else if (parsed.data.window === window) entries.push(parsed.data);
      }
      return { entries, skipped };
    },
    async save(entry) {
      const folder = join(dir, safe(entry.env));
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${entry.at.replace(/[:.]/g, '-')}-${safe(entry.runId)}.json`);
      await writeFileAtomic(file, `${JSON.stringify(entry, null, 2)}\n`);
      return file;
    },
  };
}

/** What to store from an evaluation: finite values of SLOs that had data. */
export function toStored(evaluations: readonly SloEvaluation[], meta: { at: Date; env: string; window: string; runId: string }): StoredEvaluation {
  const values: StoredEvaluation['values'] = {};
  for (const e of evaluations) {
    if (e.outcome !== 'no-data' && e.value !== undefined && Number.isFinite(e.value)) values[e.slo.id] = { value: e.value, outcome: e.outcome };
  }
  return { version: 1, at: meta.at.toISOString(), env: meta.env, window: meta.window, runId: meta.runId, values };
}

export function comparisonFrom(entries: readonly StoredEvaluation[], requested: number, noiseSeconds = 0): (sloId: string) => Comparison {
  return (sloId) => ({
    requested,
    stored: entries.length,
    noiseSeconds,
    values: entries.flatMap((e) => {
      const v = e.values[sloId];
      return v && v.outcome !== 'fail' ? [v.value] : [];
    }),
  });
}
