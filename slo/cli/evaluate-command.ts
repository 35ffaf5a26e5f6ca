import { readFileSync } from 'node:fs';
import { parseDuration } from '../../core/duration.ts';
import { UsageError } from '../../core/errors.ts';
import type { RunReport } from '../../core/result.ts';
import type { RunIo } from '../../core/run/io.ts';
import { runSuiteCommand } from '../../core/run/suite-command.ts';
import { resolveAuth } from '../prom/auth.ts';
import { runSlo } from '../run.ts';
import { formatSloTable } from '../table.ts';
import { parseAt, parseCount } from './parse-options.ts';

/** The flags after the CLI's schema: window, timeout, concurrency and service label keep the suite's defaults when not given. */
export interface EvaluateFlags {
  prometheus?: string | undefined;
  window?: string | undefined;
  at?: string | undefined;
  env: string;
  services?: string | undefined;
  compareWith?: string | undefined;
  sloFile?: string | undefined;
  historyDir?: string | undefined;
  store: boolean;
  timeout?: string | undefined;
  concurrency?: string | undefined;
  serviceLabel?: string | undefined;
  bearerTokenFile?: string | undefined;
  basicAuthUser?: string | undefined;
  basicAuthPasswordFile?: string | undefined;
  header?: string[] | undefined;
  caFile?: string | undefined;
  insecureSkipVerify?: boolean | undefined;
}

export async function evaluateCommand(flags: EvaluateFlags, catalog: string | undefined, io: RunIo): Promise<RunReport> {
  const prometheus = flags.prometheus ?? io.env['PROMETHEUS_URL'];
  if (!prometheus) throw new UsageError('--prometheus: give the Prometheus URL (or set PROMETHEUS_URL)');
  if (flags.window !== undefined && flags.window !== 'period') parseDuration(flags.window, '--window');
  const options = {
    prometheus,
    auth: resolveAuth(flags, io.env, (f) => readFileSync(f, 'utf8')),
    ...(flags.window !== undefined ? { window: flags.window } : {}),
    ...(flags.at ? { at: parseAt(flags.at) } : {}),
    compareWith: flags.compareWith ? parseCount(flags.compareWith, '--compare-with') : 0,
    ...(flags.sloFile ? { sloFile: flags.sloFile } : {}),
    ...(flags.historyDir ? { historyDir: flags.historyDir } : {}),
    store: flags.store,
    ...(flags.timeout !== undefined ? { timeoutMs: parseDuration(flags.timeout, '--timeout') } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: parseCount(flags.concurrency, '--concurrency', 1) } : {}),
    ...(flags.serviceLabel ? { serviceLabel: flags.serviceLabel } : {}),
  };
  const services = flags.services?.split(',').map((s) => s.trim()).filter(Boolean);
  return runSuiteCommand(io, { command: 'slo evaluate', suite: 'slo', catalog, env: flags.env, services, target: options.prometheus }, async (ctx) => {
    const result = await runSlo(ctx, options);
    const rows = result.data?.slos ?? [];
    const score = result.data?.score;
    const table = result.data?.unreachable === true ? `(${rows.length} SLOs not evaluated)` : formatSloTable(rows);
    io.out(`${table}\nscore: ${score !== undefined ? `${score.toFixed(1)}%` : 'n/a'}  window ${result.data?.window ?? ''}  ${result.outcome.toUpperCase()}: ${result.reason ?? ''}\n\n`);
    return result;
  });
}
