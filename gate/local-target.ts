import type { Catalog } from '../core/catalog/schema.ts';
import { startPrometheus, type RunningPrometheus } from '../infra/prometheus.ts';
import type { RunningStack } from '../stack/launcher.ts';

/** The gateway rate limit for a local gate run: far above any load profile, so k6 measures the system, not the limiter. */
export const LOCAL_RATE_LIMIT = { requests: 10_000_000, windowMs: 60_000 } as const;
export const LOCAL_SCRAPE_INTERVAL = '1s';

export interface LocalTarget {
  /** `<ID>_URL` for every service: overrides the catalog's URLs for the run. */
  readonly env: Readonly<Record<string, string>>;
  readonly prometheusUrl: string;
  readonly remoteWriteUrl: string;
  /** Every process the target started (stack services and Prometheus). */
  readonly pids: readonly number[];
  /** Stops Prometheus and the stack (SIGTERM, then SIGKILL); idempotent. */
  stop(): Promise<void>;
}

export interface LocalTargetOptions {
  readonly catalog: Catalog;
  /** `--fault` texts, e.g. `sample-service:latency=600ms`. */
  readonly faults: readonly string[];
  readonly log: (line: string) => void;
}

/**
 * `--target local`: the reference stack on OS-chosen ports (with a rate limit suited to load) and a
 * real Prometheus scraping every service each second, with the remote-write receiver on for k6.
 * If anything fails to start, whatever did start is stopped before the error is thrown.
 */
export async function startLocalTarget(options: LocalTargetOptions): Promise<LocalTarget> {
  const { startStack, parseFaultSpec } = await import('../stack/launcher.ts');
  const faults = options.faults.map((f) => parseFaultSpec(f, options.catalog));
  let stack: RunningStack | undefined;
  let prometheus: RunningPrometheus | undefined;
  try {
    stack = await startStack({ catalog: options.catalog, portBase: 0, faults, rateLimit: { ...LOCAL_RATE_LIMIT }, log: () => {} });
    options.log(`stack: ${stack.started.length} services up (pids ${stack.pids.join(' ')})${faults.length > 0 ? `, faults: ${options.faults.join(', ')}` : ''}`);
    prometheus = await startPrometheus({ scrapeTargets: stack.urls, scrapeInterval: LOCAL_SCRAPE_INTERVAL, remoteWriteReceiver: true });
    options.log(`prometheus: ${prometheus.url} scraping every ${LOCAL_SCRAPE_INTERVAL}, remote write ${prometheus.remoteWriteUrl} (pid ${prometheus.pid})`);
  } catch (err) {
    await Promise.allSettled([prometheus?.stop(), stack?.stop()]);
    throw err;
  }
  const running = { stack, prometheus };
  let stopping: Promise<void> | undefined;
  return {
    env: running.stack.env,
    prometheusUrl: running.prometheus.url,
    remoteWriteUrl: running.prometheus.remoteWriteUrl,
    pids: [...running.stack.pids, running.prometheus.pid],
    stop: () => (stopping ??= Promise.allSettled([running.prometheus.stop(), running.stack.stop()]).then(() => undefined)),
  };
}
