import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from '../core/duration.ts';
import { UnreachableError } from '../core/errors.ts';
import { requireBinary } from './binary.ts';
import { onFreePort } from './free-port.ts';
import { httpProbe } from './http-probe.ts';
import { startChild } from './process.ts';
import { backfillTsdb } from './prometheus-backfill.ts';
import { buildPrometheusConfig, type ScrapeTargets } from './prometheus-config.ts';
import { waitReady } from './wait.ts';

export type { ScrapeJob, ScrapeTargets } from './prometheus-config.ts';
export { readTargets, waitForScrape, type ScrapeWait, type TargetState } from './prometheus-targets.ts';

export interface PrometheusOptions {
  /** `[{job, targets}]` or a map `job -> base URL` (the reference stack's `urls`). */
  readonly scrapeTargets: ScrapeTargets;
  /** ms or a duration string ('1s'); default 1s. */
  readonly scrapeInterval?: number | string;
  /** Rule evaluation interval; defaults to the scrape interval. */
  readonly evaluationInterval?: number | string;
  /** Adds `--web.enable-remote-write-receiver` (k6 remote write). Default true. */
  readonly remoteWriteReceiver?: boolean;
  /** Adds `--web.enable-admin-api` (e.g. to delete every series between test rows). Default false. */
  readonly adminApi?: boolean;
  /** Absolute paths of rule files to load. */
  readonly ruleFiles?: readonly string[];
  /** Port on 127.0.0.1; default 0 = a free port from the OS. */
  readonly port?: number;
  /** Readiness deadline in ms (default 30 s). */
  readonly readyTimeoutMs?: number;
  readonly binary?: string;
  /** Samples with timestamps (OpenMetrics text) written into the TSDB before start (prometheus-backfill.ts). */
  readonly openMetrics?: string;
  readonly log?: (line: string) => void;
}

export interface RunningPrometheus {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** Remote-write endpoint (when enabled): `<url>/api/v1/write`. */
  readonly remoteWriteUrl: string;
  /** Stops its process group (SIGTERM, then SIGKILL), removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

const ms = (v: number | string | undefined, fallback: number): number =>
  v === undefined ? fallback : typeof v === 'number' ? v : parseDuration(v, 'scrapeInterval');

/**
 * Starts Debian's Prometheus on 127.0.0.1 with a temp data dir, waits for /-/ready (with a
 * deadline) and returns a handle. Retries on a port race (the OS port was taken meanwhile).
 */
export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  const scrapeIntervalMs = ms(options.scrapeInterval, 1000);
  const config = buildPrometheusConfig({
    scrapeTargets: options.scrapeTargets,
    scrapeIntervalMs,
    evaluationIntervalMs: ms(options.evaluationInterval, scrapeIntervalMs),
    ruleFiles: options.ruleFiles ?? [],
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'tracseq-prometheus-'));
  await writeFile(join(dataDir, 'prometheus.yml'), config);
  if (options.openMetrics !== undefined) await backfillTsdb(options.openMetrics, join(dataDir, 'data')).catch(async (err: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  try {
    return await (options.port ? launch(options, dataDir, options.port) : onFreePort((port) => launch(options, dataDir, port)));
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

async function launch(options: PrometheusOptions, dataDir: string, port: number): Promise<RunningPrometheus> {
  const binary = options.binary ?? requireBinary('prometheus', 'prometheus');
  const args = [
    `--config.file=${join(dataDir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dataDir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
    ...(options.remoteWriteReceiver === false ? [] : ['--web.enable-remote-write-receiver']),
    ...(options.adminApi ? ['--web.enable-admin-api'] : []),
  ];
  const child = startChild({ command: binary, args, label: 'prometheus' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`cannot start prometheus (${binary}) on ${url}`, httpProbe(`${url}/-/ready`), { timeoutMs: options.readyTimeoutMs ?? 30_000, child });
  } catch (err) {
    await child.stop(2_000);
    throw err;
  }
  options.log?.(`prometheus ready at ${url} (pid ${child.pid}, data ${dataDir})`);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    pid: child.pid ?? -1,
    dataDir,
    remoteWriteUrl: `${url}/api/v1/write`,
    stop() {
      stopping ??= (async () => {
        await child.stop(10_000);
        await rm(dataDir, { recursive: true, force: true });
        options.log?.(`prometheus at ${url} stopped`);
      })();
      return stopping;
    },
  };
}
