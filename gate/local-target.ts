import type { ResolvedCatalog } from '../core/catalog/resolve.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import { createHttpClient } from '../core/http/request.ts';
import { startPrometheus, waitForScrape, type RunningPrometheus } from '../infra/prometheus.ts';
import { planInfrastructure, startInfrastructure, type LocalInfrastructure } from './local-infrastructure.ts';
import { warmUp } from './warm-up.ts';
import type { RunningStack } from '../stack/launcher.ts';

/** The gateway rate limit for a local gate run: far above any load profile, so k6 measures the system, not the limiter. */
export const LOCAL_RATE_LIMIT = { requests: 10_000_000, windowMs: 60_000 } as const;
export const LOCAL_SCRAPE_INTERVAL = '1s';

export interface LocalTarget {
  /** `<ID>_URL` for every service: overrides the catalog's URLs for the run. */
  readonly env: Readonly<Record<string, string>>;
  readonly prometheusUrl: string;
  readonly remoteWriteUrl: string;
  /** Every process the target started (stack services, PostgreSQL, Redis and Prometheus). */
  readonly pids: readonly number[];
  /**
   * Warms the fresh stack up (a few rounds of health and key-endpoint requests) and waits for a
   * Prometheus scrape after it. Returns a progress line and when the warm-up traffic ended: the
   * run's SLO window starts there, so the scrape after it is the window's first sample.
   */
  warmUp(resolved: ResolvedCatalog, signal: AbortSignal): Promise<{ line: string; ended: Date }>;
  /** Stops Prometheus and the stack, then PostgreSQL and Redis (each as a group, then SIGKILL); idempotent. */
  stop(): Promise<void>;
}

export const WARM_UP = { rounds: 3, timeoutMs: 5_000, scrapeTimeoutMs: 15_000 } as const;

export interface LocalTargetOptions {
  readonly catalog: Catalog;
  /** `--fault` texts, e.g. `sample-service:latency=600ms`. */
  readonly faults: readonly string[];
  readonly log: (line: string) => void;
}

/**
 * `--target local`: the catalog's PostgreSQL and Redis (real servers from the Debian packages, the
 * catalog's databases created), the reference stack on OS-chosen ports (with a rate limit suited to
 * load; each service given its DATABASE_URL and REDIS_URL), and a real Prometheus scraping every service
 * each second, with the remote-write receiver on for k6. PostgreSQL and Redis start while the services
 * do. If anything fails to start, whatever did start is stopped before the error is thrown.
 */
export async function startLocalTarget(options: LocalTargetOptions): Promise<LocalTarget> {
  const { startStack, parseFaultSpec } = await import('../stack/launcher.ts');
  const faults = options.faults.map((f) => parseFaultSpec(f, options.catalog));
  const starting = startInfrastructure(planInfrastructure(options.catalog, faults));
  const infrastructureUrls = starting.then((i) => i.urls);
  infrastructureUrls.catch(() => {}); // awaited by startStack, or dropped when the stack fails first
  let stack: RunningStack | undefined;
  let infrastructure: LocalInfrastructure | undefined;
  let prometheus: RunningPrometheus | undefined;
  try {
    const serviceFaults = faults.filter((f) => !f.infrastructure);
    stack = await startStack({ catalog: options.catalog, portBase: 0, faults: serviceFaults, rateLimit: { ...LOCAL_RATE_LIMIT }, infrastructure: infrastructureUrls, log: () => {} });
    infrastructure = await starting;
    for (const line of infrastructure.lines) options.log(line);
    options.log(`stack: ${stack.started.length} services up in ${stack.pids.length} processes (pids ${stack.pids.join(' ')})${faults.length > 0 ? `, faults: ${options.faults.join(', ')}` : ''}`);
    prometheus = await startPrometheus({ scrapeTargets: stack.scrapeJobs, scrapeInterval: LOCAL_SCRAPE_INTERVAL, remoteWriteReceiver: true });
    options.log(`prometheus: ${prometheus.url} scraping every ${LOCAL_SCRAPE_INTERVAL}, remote write ${prometheus.remoteWriteUrl} (pid ${prometheus.pid})`);
  } catch (err) {
    await Promise.allSettled([prometheus?.stop(), stack?.stop(), starting.then((i) => i.stop())]);
    throw err;
  }
  const running = { stack, infrastructure, prometheus };
  let stopping: Promise<void> | undefined;
  return {
    env: { ...running.stack.env, ...running.infrastructure.env },
    prometheusUrl: running.prometheus.url,
    remoteWriteUrl: running.prometheus.remoteWriteUrl,
    pids: [...running.stack.pids, ...running.infrastructure.pids, running.prometheus.pid],
    warmUp: async (resolved, signal) => {
      const started = Date.now();
      const out = await warmUp(createHttpClient(), resolved, { rounds: WARM_UP.rounds, timeoutMs: WARM_UP.timeoutMs, signal });
      const ended = new Date();
      await waitForScrape(running.prometheus.url, { since: ended, timeoutMs: WARM_UP.scrapeTimeoutMs });
      return { line: `target local: warmed up (${out.answered}/${out.sent} requests answered, then one scrape) in ${((Date.now() - started) / 1000).toFixed(1)}s`, ended };
    },
    // The services first, so none logs its database going away.
    stop: () => (stopping ??= Promise.allSettled([running.prometheus.stop(), running.stack.stop()]).then(() => running.infrastructure.stop())),
  };
}
