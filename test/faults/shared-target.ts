import { join } from 'node:path';
import { request } from 'undici';
import { loadCatalog } from '../../core/catalog/load.ts';
import { LOCAL_RATE_LIMIT } from '../../gate/local-target.ts';
import { startPrometheus, type RunningPrometheus } from '../../infra/prometheus.ts';
import { NO_FAULTS } from '../../stack/faults/faults.ts';
import { startStack, type RunningStack } from '../../stack/launcher.ts';
import { runCli } from '../helpers/cli.ts';

/**
 * One reference stack for every run-time fault of a matrix (faults are set and cleared through the
 * loopback admin endpoints between rows, stopped processes started again), and the pacts, generated once
 * by the consumer tests and verified by every gate run (`--pacts`).
 */
export interface SharedTarget {
  readonly stack: RunningStack;
  readonly pacts: string;
  /** `<ID>_URL` (and `<ID>_REPLICA_URLS`) for every service, and the catalog: the gate's target. */
  readonly env: Readonly<Record<string, string>>;
  /** A Prometheus scraping every replica each second, for rows that judge SLOs (`--prometheus`); each reset deletes its series, so a row's SLO window sees only that row. */
  readonly prometheusUrl: string | undefined;
  /** Starts what a row stopped, clears every run-time fault and every service's data; resets the gateway's breakers, limiter and token cache. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface SharedTargetOptions {
  /** The catalog file (absolute); default the shipped TracSeq catalog. */
  readonly catalog?: string;
  /** Also start a Prometheus scraping the stack. */
  readonly prometheus?: boolean;
}

export async function startSharedTarget(dir: string, options: SharedTargetOptions = {}): Promise<SharedTarget> {
  const pacts = join(dir, 'pacts');
  const catalogEnv: Record<string, string> = options.catalog ? { TRACSEQ_CATALOG: options.catalog } : {};
  const [stack, consumer] = await Promise.allSettled([
    startStack({ portBase: 0, rateLimit: { ...LOCAL_RATE_LIMIT }, ...(options.catalog ? { catalog: loadCatalog(options.catalog) } : {}) }),
    runCli(['contracts', 'consumer', '--pacts', pacts], { timeoutMs: 120_000, env: catalogEnv }),
  ]);
  if (stack.status === 'rejected') throw stack.reason;
  const running = stack.value;
  let prometheus: RunningPrometheus | undefined;
  try {
    if (consumer.status === 'rejected' || consumer.value.code !== 0) {
      const why = consumer.status === 'rejected' ? String(consumer.reason) : consumer.value.stdout + consumer.value.stderr;
      throw new Error(`the consumer tests did not write the pacts: ${why.slice(-2000)}`);
    }
    if (options.prometheus) prometheus = await startPrometheus({ scrapeTargets: running.scrapeJobs, scrapeInterval: '1s', adminApi: true });
  } catch (err) {
    await running.stop();
    throw err;
  }
  return {
    stack: running,
    pacts,
    env: { ...running.env, ...catalogEnv },
    prometheusUrl: prometheus?.url,
    reset: async () => {
      await running.revive();
      await Promise.all(running.started.map((id) => running.setFaults(id, { ...NO_FAULTS })));
      await Promise.all(running.started.map((id) => running.admin(id, 'reset')));
      if (prometheus) await deleteEverySeries(prometheus.url);
    },
    stop: async () => {
      await Promise.allSettled([prometheus?.stop(), running.stop()]);
    },
  };
}

/** Deletes every series Prometheus holds (its admin API), so the next SLO window starts empty. */
async function deleteEverySeries(url: string): Promise<void> {
  for (const path of ['/api/v1/admin/tsdb/delete_series?match[]=%7B__name__%3D~%22.%2B%22%7D', '/api/v1/admin/tsdb/clean_tombstones']) {
    const res = await request(`${url}${path}`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    await res.body.dump();
    if (res.statusCode !== 204 && res.statusCode !== 200) throw new Error(`Prometheus ${path} answered ${res.statusCode}`);
  }
}
