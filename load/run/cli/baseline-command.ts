import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../../core/errors.ts';
import { readJson } from '../../../core/read-file.ts';
import { reportsRoot } from '../../../core/suite.ts';
import { LoadSummarySchema, type LoadSummary } from '../analyzer/summary-schema.ts';
import { baselineFromSummary, defaultBaselinePath, writeBaseline } from '../baseline/baseline-file.ts';

/**
 * `load baseline save <run>`: stores a run's per-endpoint p50/p95/p99, error rate and throughput.
 * <run> is a run id (reports/<run-id>), a run directory, or a load summary.json.
 */
export async function summaryPathFor(run: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  for (const candidate of [run, join(reportsRoot(env), run)]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
    if (info?.isDirectory()) return join(candidate, 'load', 'summary.json');
  }
  throw new ConfigError(`load baseline save: no run "${run}" (give a run id under ${reportsRoot(env)}, a run directory or a load summary.json)`);
}

export async function readLoadSummary(file: string): Promise<LoadSummary> {
  const summary = await readJson(file, LoadSummarySchema, 'load summary', 'was this a load run?');
  if (summary.overall.requests === 0) throw new ConfigError(`${file}: the run measured no request; it cannot be a baseline`);
  return summary;
}

export async function baselineSaveCommand(run: string, flags: { out?: string }): Promise<void> {
  const file = await summaryPathFor(run);
  const summary = await readLoadSummary(file);
  const out = flags.out ?? defaultBaselinePath(summary.env, summary.scenario);
  await writeBaseline(out, baselineFromSummary(summary, run, new Date()));
  process.stdout.write(`baseline for ${summary.scenario} (${summary.env}, ${summary.endpoints.length} endpoints) written to ${out}\n`);
}
