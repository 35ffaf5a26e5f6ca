import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../../core/atomic-write.ts';
import { readJson } from '../../../core/read-file.ts';
import type { LoadSummary } from '../analyzer/summary-schema.ts';
import { BaselineSchema, type Baseline } from './baseline-schema.ts';

/** A baseline from one run's load summary; `target` is where the run went (core/target.ts). */
export function baselineFromSummary(summary: LoadSummary, fromRun: string, savedAt: Date, target?: string): Baseline {
  return {
    kind: 'tracseq-load-baseline',
    version: 1,
    scenario: summary.scenario,
    env: summary.env,
    ...(target ? { target } : {}),
    savedAt: savedAt.toISOString(),
    fromRun,
    endpoints: summary.endpoints.map((e) => ({
      service: e.service,
      endpoint: e.endpoint,
      requests: e.requests,
      p50: e.latency.p50,
      p95: e.latency.p95,
      p99: e.latency.p99,
      errorRate: e.errorRate,
      rps: e.rps,
    })),
  };
}

export async function readBaseline(file: string): Promise<Baseline> {
  return readJson(file, BaselineSchema, 'baseline', 'promote a run with `tracseq-validate load baseline promote <run-id>`');
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
