import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { parseDuration } from '../core/duration.ts';
import { UnreachableError } from '../core/errors.ts';
import { exited, tailBuffer, terminate } from './child-process.ts';
import { freePort } from './free-port.ts';
import { buildPrometheusConfig, type ScrapeTargets } from './prometheus-config.ts';

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
  /** Absolute paths of rule files to load. */
  readonly ruleFiles?: readonly string[];
  /** Port on 127.0.0.1; default 0 = a free port from the OS. */
  readonly port?: number;
  /** Readiness deadline in ms (default 30 s). */
  readonly readyTimeoutMs?: number;
  readonly binary?: string;
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
  /** SIGTERM, wait, SIGKILL stragglers, remove the temp dir. Idempotent. */
  stop(): Promise<void>;
}

const ms = (v: number | string | undefined, fallback: number): number =>
  v === undefined ? fallback : typeof v === 'number' ? v : parseDuration(v, 'scrapeInterval');

/**
 * Starts Debian's Prometheus on 127.0.0.1 with a temp data dir, waits for /-/ready (with a
 * deadline) and returns a handle. Retries once on a port race (the OS port was taken meanwhile).
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
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(options, dataDir, options.port ?? (await freePort()));
    } catch (err) {
      const portRace = err instanceof UnreachableError && /address already in use/.test(err.details.join('\n'));
      if (!portRace || attempt >= attempts) {
        await rm(dataDir, { recursive: true, force: true });
        throw err;
      }
    }
  }
}

async function launch(options: PrometheusOptions, dataDir: string, port: number): Promise<RunningPrometheus> {
  const binary = options.binary ?? '/usr/bin/prometheus';
  const args = [
    `--config.file=${join(dataDir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dataDir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
    ...(options.remoteWriteReceiver === false ? [] : ['--web.enable-remote-write-receiver']),
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = tailBuffer();
  child.stdout?.on('data', (c: Buffer) => stderr.push(c));
  child.stderr?.on('data', (c: Buffer) => stderr.push(c));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const url = `http://127.0.0.1:${port}`;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitReady(url, child, spawnError, options.readyTimeoutMs ?? 30_000, binary);
  } catch (err) {
    process.off('exit', killOnExit);
    await terminate(child, 2000);
    throw err instanceof UnreachableError
      ? new UnreachableError(err.message, [...err.details, ...stderr.text().split('\n').filter(Boolean).slice(-5)])
      : err;
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
        await terminate(child, 10_000);
        process.off('exit', killOnExit);
        await rm(dataDir, { recursive: true, force: true });
        options.log?.(`prometheus at ${url} stopped`);
      })();
      return stopping;
    },
  };
}

async function waitReady(url: string, child: ChildProcess, spawnError: Promise<Error>, timeoutMs: number, binary: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited(child).then(() => { gone = true; });
  let failure: Error | undefined;
  void spawnError.then((e) => { failure = e; });
  while (Date.now() < deadline) {
    if (failure) throw new UnreachableError(`cannot start prometheus (${binary}): ${failure.message}`);
    if (gone) throw new UnreachableError(`prometheus (${binary}) exited at start with code ${child.exitCode ?? child.signalCode}`);
    try {
      const res = await request(`${url}/-/ready`, { headersTimeout: 1000, bodyTimeout: 1000 });
      await res.body.dump();
      if (res.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new UnreachableError(`prometheus at ${url} was not ready within ${timeoutMs} ms`);
}
