import { randomBytes } from 'node:crypto';
import type { Catalog, Service } from '../core/catalog/schema.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { replicaEnvVar, urlEnvVar } from '../core/catalog/resolve.ts';
import type { ScrapeJob } from '../infra/prometheus-config.ts';
import { ConfigError, HarnessError, UnreachableError, UsageError } from '../core/errors.ts';
import { planFaults } from './faults/fault-plan.ts';
import type { FaultSpec } from './faults/fault-spec.ts';
import type { Faults } from './faults/faults.ts';
import { adminCall, putFaults } from './launcher/admin-client.ts';
import { serviceInfrastructure } from './launcher/infrastructure-urls.ts';
import { planInstances, replicaUrls, scrapeJobs, selectInstances, serviceUrls, type Instance } from './launcher/instances.ts';
import { lowestPort } from './launcher/ports.ts';
import { ServiceChild } from './launcher/service-child.ts';
import { waitForHealth } from './launcher/wait-health.ts';
import { DEFAULT_SETTINGS, type StackSettings } from './runtime/settings.ts';

export { parseFaultSpec, FAULT_KINDS, type FaultSpec, type FaultKind } from './faults/fault-spec.ts';
export type { Faults } from './faults/faults.ts';

export interface StackOptions {
  catalog?: Catalog;
  /** 0 = OS-chosen free ports (tests); undefined = catalog ports; N = N + (catalog port - lowest catalog port). */
  portBase?: number;
  faults?: FaultSpec[];
  /** Subset of http service ids (default: every http service). */
  services?: string[];
  /** Gateway rate limit per client; default 1000 per 60 s (seed 004's development environment). */
  rateLimit?: { requests: number; windowMs: number };
  /** Gateway circuit breaker per upstream; default threshold 5, recovery 60 s (seed 004). */
  circuitBreaker?: { threshold: number; recoveryMs: number };
  /** Sequencing job step time (queued -> running -> completed); default 150 ms. */
  sequencingStepMs?: number;
  /** How long the gateway caches a validated token; default 30 s. */
  tokenCacheMs?: number;
  log?: (line: string) => void;
  /** Extra node flags per service id (e.g. `{ 'api-gateway': ['--cpu-prof'] }` for profiling). */
  nodeArgs?: Record<string, string[]>;
  /** Deadline for every service to come up; default 60 s (15 processes start at once on a shared machine). */
  startTimeoutMs?: number;
  /**
   * The URL of each catalog infrastructure entry the services use (`{ postgres, redis }`), or a promise
   * of it (the local target starts PostgreSQL while the services start): awaited before the services
   * learn their URLs, and each service gets its DATABASE_URL and REDIS_URL from its catalog
   * dependencies. Without it, services with a database keep a simulated in-memory store.
   */
  infrastructure?: Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
}

export interface RunningStack {
  /** Service id -> its URL (a replicated service: its first serving replica). */
  urls: Record<string, string>;
  /** Replicated service id -> every replica's URL (serving or not), in replica order. */
  replicaUrls: Record<string, string[]>;
  /** `<ID>_URL` for every service and `<ID>_REPLICA_URLS` for the replicated ones: hand them to the harness. */
  env: Record<string, string>;
  /** One Prometheus scrape job per service, every replica a target. */
  scrapeJobs: ScrapeJob[];
  /** Every child process started (revived ones included). */
  readonly pids: number[];
  /** The services started (down ones excluded). */
  started: string[];
  /** The HS256 key the auth service signs tokens with. */
  jwtSecret: string;
  /** Every child process: whether it still runs and, once gone, its exit code (exit-at-start: 0). */
  processes(): { id: string; pid: number; running: boolean; exitCode: number | null | undefined }[];
  /** Run-time faults on a service (every replica) or one replica (`sample-service#2`). */
  setFaults(service: string, faults: Partial<Faults>): Promise<void>;
  /** POST /__admin/<action> on a service: reset and seed reach every replica, produce the first. */
  admin(service: string, action: 'reset' | 'seed' | 'produce', body?: unknown): Promise<unknown>;
  /** Stops a service (every replica) or one replica (`sample-service#2`), as a crash would: its URL stays, refused. */
  kill(target: string): Promise<void>;
  /** Starts again, on their ports, the processes `kill` stopped; resolves once they answer health. */
  revive(): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts every (selected) catalog http service as its own process, `replicas.count` processes for a
 * replicated one; resolves when all answer /health.
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const catalog = options.catalog ?? loadCatalog();
  const services = selectHttp(catalog, options.services);
  const infra = (options.faults ?? []).filter((f) => f.infrastructure).map((f) => `${f.service}:${f.kind}`);
  if (infra.length > 0) throw new UsageError(`--fault ${infra.join(', ')}: the reference stack starts no infrastructure (gate --target local starts PostgreSQL and Redis, and takes these faults)`);
  const settings = buildSettings(options);
  const log = options.log ?? (() => {});
  const lowest = lowestPort(catalog.services.filter((s) => s.kind === 'http'));
  const instances = planInstances(HOST, services, planFaults(options.faults ?? []), options.portBase, lowest);
  const children: ServiceChild[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= Promise.all(children.map((c) => c.stop(3_000))).then(() => undefined));
  const urlsMessage = () => ({ type: 'urls' as const, urls: serviceUrls(instances), replicas: replicaUrls(instances) });
  const spawn = (i: Instance) => {
    const child = new ServiceChild(i.label, log, options.nodeArgs?.[i.service.id]);
    children.push(child);
    i.child = child;
    child.send({ type: 'init', serviceId: i.service.id, replica: { index: i.index, count: i.count }, host: HOST, port: i.port, catalog, faults: i.plan.faults, exitAtStart: i.plan.exitAtStart, settings });
    return child;
  };
  /** Brings `group` up: listening, wired (the URL map), ready, answering health; exit-at-start ones exited. */
  const bringUp = async (group: readonly Instance[], deadline: number) => {
    const exiting = group.filter((i) => i.plan.exitAtStart).map(spawn);
    const serving = group.filter((i) => !i.plan.exitAtStart);
    for (const i of serving) spawn(i);
    await Promise.all(serving.map(async (i) => {
      const { port } = await i.child!.waitFor('listening', deadline - Date.now());
      i.port = port;
      i.url = `http://${HOST}:${port}`;
      i.serving = true;
    }));
    const message = urlsMessage();
    const infrastructure = await (options.infrastructure ?? {});
    for (const i of serving) i.child!.send({ ...message, ...serviceInfrastructure(i.service, catalog, infrastructure) });
    await Promise.all(serving.map((i) => i.child!.waitFor('ready', deadline - Date.now())));
    await Promise.all(serving.map((i) => waitForHealth(i.label, i.url, i.service.health?.path ?? '/health', deadline)));
    await Promise.all(exiting.map((child) => withDeadline(child.exited, deadline, `${child.id} (exit-at-start) did not exit`)));
  };

  try {
    for (const i of instances) if (i.plan.down) log(`${i.label}: not started (down fault)`);
    await bringUp(instances.filter((i) => !i.plan.down), Date.now() + (options.startTimeoutMs ?? 60_000));
  } catch (err) {
    await stop();
    throw startError(err);
  }
  const urls = serviceUrls(instances);
  const replicas = replicaUrls(instances);
  const killed: Instance[] = [];
  const live = (target: string) => selectInstances(instances, target).filter((i) => i.serving);
  return {
    urls,
    replicaUrls: replicas,
    env: {
      ...Object.fromEntries(Object.entries(urls).map(([id, url]) => [urlEnvVar(id), url])),
      ...Object.fromEntries(Object.entries(replicas).map(([id, list]) => [replicaEnvVar(id), list.join(',')])),
    },
    scrapeJobs: scrapeJobs(instances),
    get pids() {
      return children.map((c) => c.pid);
    },
    started: [...new Set(instances.filter((i) => i.serving).map((i) => i.service.id))],
    jwtSecret: settings.jwtSecret,
    processes: () => children.map((c) => ({ id: c.id, pid: c.pid, running: c.running, exitCode: c.exitCode })),
    setFaults: async (service, faults) => {
      await Promise.all(live(service).map((i) => putFaults(i.label, i.url, faults)));
    },
    admin: async (service, action, body) => {
      const targets = live(service);
      if (targets.length === 0) throw new UsageError(`${service} is not serving`);
      const answers = await Promise.all((action === 'produce' ? targets.slice(0, 1) : targets).map((i) => adminCall(i.label, i.url, 'POST', `/__admin/${action}`, body ?? {})));
      return answers[0];
    },
    kill: async (target) => {
      const chosen = live(target);
      for (const i of chosen) i.serving = false;
      killed.push(...chosen);
      await Promise.all(chosen.map((i) => i.child?.stop(3_000)));
    },
    revive: async () => {
      const again = killed.splice(0);
      if (again.length > 0) await bringUp(again, Date.now() + (options.startTimeoutMs ?? 60_000));
    },
    stop,
  };
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function selectHttp(catalog: Catalog, ids: readonly string[] | undefined): Service[] {
  const http = catalog.services.filter((s) => s.kind === 'http');
  if (!ids) return http;
  const unknown = ids.filter((id) => !http.some((s) => s.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown service ${unknown.map((u) => `"${u}"`).join(', ')} (valid: ${http.map((s) => s.id).join(', ')})`);
  return http.filter((s) => ids.includes(s.id));
}

function buildSettings(options: StackOptions): StackSettings {
  return {
    ...DEFAULT_SETTINGS,
    jwtSecret: process.env['JWT_SECRET_KEY'] || randomBytes(32).toString('base64url'),
    rateLimit: options.rateLimit ?? DEFAULT_SETTINGS.rateLimit,
    circuitBreaker: options.circuitBreaker ?? DEFAULT_SETTINGS.circuitBreaker,
    sequencingStepMs: options.sequencingStepMs ?? DEFAULT_SETTINGS.sequencingStepMs,
    tokenCacheMs: options.tokenCacheMs ?? DEFAULT_SETTINGS.tokenCacheMs,
  };
}

function startError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/EADDRINUSE/.test(message)) return new ConfigError(`reference stack: a port is already in use (${message}); use --port-base or stop the other stack`);
  if (err instanceof HarnessError) return err;
  return new UnreachableError(`reference stack did not start: ${message}`);
}
