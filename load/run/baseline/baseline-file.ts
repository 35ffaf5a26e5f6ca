import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readJson } from '../../../core/read-file.ts';
import { PROJECT_ROOT } from '../../../core/suite.ts';
import type { LoadSummary } from '../analyzer/summary-schema.ts';
import { BaselineSchema, type Baseline } from './baseline-schema.ts';

/** Where `--baseline` without a file (and the gate's `baseline: true`) looks: load/baselines/<env>/<scenario>.json. */
export function defaultBaselinePath(env: string, scenario: string): string {
  return join(PROJECT_ROOT, 'load', 'baselines', env, `${scenario}.json`);
}

export function baselineFromSummary(summary: LoadSummary, fromRun: string, savedAt: Date): Baseline {
  return {
    kind: 'tracseq-load-baseline',
    version: 1,
    scenario: summary.scenario,
    env: summary.env,
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
  return readJson(file, BaselineSchema, 'baseline', 'save one with `tracseq-validate load baseline save <run>`');
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
