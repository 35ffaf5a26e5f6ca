import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../../core/atomic-write.ts';
import { parseJson, readJsonIfExists } from '../../core/read-file.ts';

/**
 * k6's end-of-test summary (`--summary-export FILE`, the legacy format: it is the one that carries
 * threshold results). In it, `thresholds[expr]` is TRUE WHEN THE THRESHOLD FAILED (k6 writes `!ok`).
 */
const MetricSchema = z
  .object({ thresholds: z.record(z.string(), z.boolean()).optional() })
  .catchall(z.unknown());

export const SummaryExportSchema = z.object({ metrics: z.record(z.string(), MetricSchema) });
export type SummaryExport = z.infer<typeof SummaryExportSchema>;

export function parseSummaryExport(text: string, file: string): SummaryExport {
  return parseJson(text, SummaryExportSchema, file, 'k6 summary export');
}

/**
 * k6 copies setup()'s return value into the export (`setup_data`), and the scenarios' setup returns
 * the bearer token the VUs use. The harness reads only `metrics`, so `setup_data` is dropped (atomically)
 * before the file stays in the reports folder. A file that is not JSON is left for the reader to name.
 */
export async function stripSetupData(file: string): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return;
  }
  if (raw === null || typeof raw !== 'object' || !('setup_data' in raw)) return;
  const kept: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  delete kept['setup_data'];
  await writeFileAtomic(file, `${JSON.stringify(kept)}\n`);
}

/** Reads the export, or undefined when k6 wrote none (it stopped before the end of the test). */
export async function readSummaryExport(file: string): Promise<SummaryExport | undefined> {
  return readJsonIfExists(file, SummaryExportSchema, 'k6 summary export');
}

/** `metric key` -> `expression` -> passed, from k6's own evaluation. */
export function k6ThresholdResults(summary: SummaryExport): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const [key, metric] of Object.entries(summary.metrics)) {
    if (!metric.thresholds) continue;
    out.set(key, new Map(Object.entries(metric.thresholds).map(([expr, failed]) => [expr, !failed])));
  }
  return out;
}

/** A numeric stat of a metric (e.g. `http_req_duration`, `p(95)`), or undefined. */
export function summaryStat(summary: SummaryExport, metric: string, stat: string): number | undefined {
  const value = summary.metrics[metric]?.[stat];
  return typeof value === 'number' ? value : undefined;
}

/** Several instances: a threshold passed only if it passed in every instance that judged it. */
export function combineThresholdResults(all: readonly Map<string, Map<string, boolean>>[]): Map<string, Map<string, boolean>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const results of all) {
    for (const [key, exprs] of results) {
      const into = out.get(key) ?? new Map<string, boolean>();
      for (const [expr, ok] of exprs) into.set(expr, (into.get(expr) ?? true) && ok);
      out.set(key, into);
    }
  }
  return out;
}
