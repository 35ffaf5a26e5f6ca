import { Gauge, Pushgateway, Registry } from 'prom-client';
import { UnreachableError, UsageError } from '../core/errors.ts';
import type { RunReport } from '../core/result.ts';
import { targetName } from '../core/target.ts';
import { METRIC_HELP, runMetrics, type MetricSample } from './run-metrics.ts';

export const PUSH_JOB = 'tracseq_validation';

/** A registry holding one gauge per metric name, each set from the samples. */
export function metricsRegistry(samples: readonly MetricSample[]): Registry {
  const registry = new Registry();
  const byName = new Map<string, MetricSample[]>();
  for (const s of samples) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  for (const [name, list] of byName) {
    const labelNames = [...new Set(list.flatMap((s) => Object.keys(s.labels)))];
    const gauge = new Gauge({ name, help: METRIC_HELP[name] ?? name, labelNames, registers: [registry] });
    for (const s of list) gauge.set({ ...Object.fromEntries(labelNames.map((l) => [l, ''])), ...s.labels }, s.value);
  }
  return registry;
}

/** The Pushgateway grouping key: one group per env and profile, replaced by each run (PUT). */
export function pushGrouping(report: RunReport): Record<string, string> {
  return { env: report.env, profile: report.profile ?? report.command, target: targetName(report.target) };
}

/**
 * Pushes the run's `tracseq_validation_*` gauges to a Pushgateway with prom-client (PUT, so a
 * group's series from an older run do not linger). An unreachable gateway is an UnreachableError.
 */
export async function pushRunMetrics(report: RunReport, gatewayUrl: string, timeoutMs = 10_000): Promise<{ url: string; series: number }> {
  let url: URL;
  try {
    url = new URL(gatewayUrl);
  } catch {
    throw new UsageError(`--push-metrics: "${gatewayUrl}" is not a URL (e.g. http://pushgateway:9091)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--push-metrics: "${gatewayUrl}" must be an http(s) URL`);
  const samples = runMetrics(report);
  const gateway = new Pushgateway(url.href.replace(/\/$/, ''), { timeout: timeoutMs }, metricsRegistry(samples));
  try {
    await gateway.push({ jobName: PUSH_JOB, groupings: pushGrouping(report) });
  } catch (err) {
    throw new UnreachableError(`--push-metrics: cannot push to ${url.origin}: ${(err as Error).message.split('\n')[0]}`);
  }
  return { url: url.origin, series: samples.length };
}
