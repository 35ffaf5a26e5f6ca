import { stringify } from 'yaml';
import { UsageError } from '../core/errors.ts';

/**
 * One scrape job: targets are `host:port` or full URLs (`http://127.0.0.1:4000/metrics`). A URL's
 * query becomes the job's `params` (a blackbox exporter's `/probe?module=http_2xx&target=...`).
 */
export interface ScrapeJob {
  readonly job: string;
  readonly targets: readonly string[];
  /** Extra labels put on every series of the job. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Either a list of jobs or a map `job -> base URL` (e.g. the reference stack's `urls`). */
export type ScrapeTargets = readonly ScrapeJob[] | Readonly<Record<string, string>>;

export interface PrometheusConfigInput {
  readonly scrapeTargets: ScrapeTargets;
  readonly scrapeIntervalMs: number;
  readonly evaluationIntervalMs: number;
  readonly ruleFiles: readonly string[];
}

export function normaliseTargets(targets: ScrapeTargets): ScrapeJob[] {
  if (Array.isArray(targets)) return [...(targets as readonly ScrapeJob[])];
  return Object.entries(targets as Record<string, string>).map(([job, url]) => ({ job, targets: [url] }));
}

interface ParsedTarget { scheme: string; address: string; path: string; params: Record<string, string[]> }

function parseTarget(job: string, target: string): ParsedTarget {
  if (!/^[a-z]+:\/\//i.test(target)) return { scheme: 'http', address: target, path: '/metrics', params: {} };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`scrape target "${target}" of job "${job}" is not a URL or host:port`);
  }
  const path = url.pathname === '/' || url.pathname === '' ? '/metrics' : url.pathname;
  const params: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (params[name] ??= []).push(value);
  return { scheme: url.protocol.replace(':', ''), address: url.host, path, params };
}

const seconds = (ms: number): string => `${Math.max(ms, 1) / 1000}s`;

/** Builds prometheus.yml text (pure). Every target of a job must share its scheme, metrics path and query. */
export function buildPrometheusConfig(input: PrometheusConfigInput): string {
  const jobs = normaliseTargets(input.scrapeTargets);
  const scrapeConfigs = jobs.map((job) => {
    const parsed = job.targets.map((t) => parseTarget(job.job, t));
    const first = parsed[0];
    if (!first) throw new UsageError(`scrape job "${job.job}" has no targets`);
    const query = JSON.stringify(first.params);
    if (parsed.some((p) => p.scheme !== first.scheme || p.path !== first.path || JSON.stringify(p.params) !== query)) {
      throw new UsageError(`scrape job "${job.job}": every target must share one scheme, metrics path and query`);
    }
    return {
      job_name: job.job,
      scheme: first.scheme,
      metrics_path: first.path,
      ...(Object.keys(first.params).length > 0 ? { params: first.params } : {}),
      static_configs: [{ targets: parsed.map((p) => p.address), ...(job.labels ? { labels: { ...job.labels } } : {}) }],
    };
  });
  const interval = seconds(input.scrapeIntervalMs);
  return stringify({
    global: {
      scrape_interval: interval,
      scrape_timeout: seconds(Math.min(input.scrapeIntervalMs, 10_000)),
      evaluation_interval: seconds(input.evaluationIntervalMs),
    },
    ...(input.ruleFiles.length > 0 ? { rule_files: [...input.ruleFiles] } : {}),
    scrape_configs: scrapeConfigs,
  });
}
