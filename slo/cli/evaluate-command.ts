import { readFileSync } from 'node:fs';
import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import { runSuitesCommand } from '../../cli/run-suite.ts';
import { resolveAuth } from '../prom/auth.ts';
import { runSlo } from '../run.ts';
import type { SloTableRow } from '../checks.ts';
import { formatSloTable } from '../table.ts';
import { parseAt, parseCount } from './parse-options.ts';

export interface EvaluateFlags {
  prometheus?: string;
  window: string;
  at?: string;
  env: string;
  services?: string;
  compareWith?: string;
  sloFile?: string;
  historyDir?: string;
  store: boolean;
  timeout: string;
  concurrency: string;
  serviceLabel?: string;
  bearerTokenFile?: string;
  basicAuthUser?: string;
  basicAuthPasswordFile?: string;
  header?: string[];
  caFile?: string;
  insecureSkipVerify?: boolean;
}

export async function evaluateCommand(flags: EvaluateFlags, catalog: string | undefined): Promise<void> {
  const prometheus = flags.prometheus ?? process.env['PROMETHEUS_URL'];
  if (!prometheus) throw new UsageError('--prometheus: give the Prometheus URL (or set PROMETHEUS_URL)');
  parseDuration(flags.window, '--window');
  const options = {
    prometheus,
    auth: resolveAuth(flags, process.env, (f) => readFileSync(f, 'utf8')),
    window: flags.window,
    ...(flags.at ? { at: parseAt(flags.at) } : {}),
    compareWith: flags.compareWith ? parseCount(flags.compareWith, '--compare-with') : 0,
    ...(flags.sloFile ? { sloFile: flags.sloFile } : {}),
    ...(flags.historyDir ? { historyDir: flags.historyDir } : {}),
    store: flags.store,
    timeoutMs: parseDuration(flags.timeout, '--timeout'),
    concurrency: parseCount(flags.concurrency, '--concurrency', 1),
    ...(flags.serviceLabel ? { serviceLabel: flags.serviceLabel } : {}),
  };
  await runSuitesCommand(
    { command: 'slo evaluate', catalog, env: flags.env, services: flags.services?.split(',').map((s) => s.trim()).filter(Boolean), target: options.prometheus },
    async (ctx, results) => {
      const result = await runSlo(ctx, options);
      results.push(result);
      const rows = (result.data?.['slos'] ?? []) as SloTableRow[];
      const score = result.data?.['score'];
      const table = result.data?.['unreachable'] === true ? `(${rows.length} SLOs not evaluated)` : formatSloTable(rows);
      process.stdout.write(`${table}\nscore: ${typeof score === 'number' ? `${score.toFixed(1)}%` : 'n/a'}  window ${options.window}  ${result.outcome.toUpperCase()}: ${result.reason ?? ''}\n\n`);
    },
  );
}
