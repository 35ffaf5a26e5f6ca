import { randomBytes } from 'node:crypto';
import type { Catalog, Service } from '../core/catalog/schema.ts';
import { loadCatalog } from '../core/catalog/load.ts';
import { urlEnvVar } from '../core/catalog/resolve.ts';
import { ConfigError, HarnessError, UnreachableError, UsageError } from '../core/errors.ts';
import { planFaults, planFor } from './faults/fault-plan.ts';
import type { FaultSpec } from './faults/fault-spec.ts';
import type { Faults } from './faults/faults.ts';
import { adminCall, putFaults } from './launcher/admin-client.ts';
import { serviceInfrastructure } from './launcher/infrastructure-urls.ts';
import { closedUrl, lowestPort, portFor } from './launcher/ports.ts';
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
  urls: Record<string, string>;
  env: Record<string, string>;
  pids: number[];
  /** The services started (down ones excluded). */
  started: string[];
  /** The HS256 key the auth service signs tokens with. */
  jwtSecret: string;
  /** Every child process: whether it still runs and, once gone, its exit code (exit-at-start: 0). */
  processes(): { id: string; pid: number; running: boolean; exitCode: number | null | undefined }[];
  setFaults(service: string, faults: Partial<Faults>): Promise<void>;
  /** POST /__admin/<action> on one service (reset, seed, produce). */
  admin(service: string, action: 'reset' | 'seed' | 'produce', body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts every (selected) catalog http service as its own process; resolves when all answer /health. */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const catalog = options.catalog ?? loadCatalog();
  const services = selectHttp(catalog, options.services);
  const infra = (options.faults ?? []).filter((f) => f.infrastructure).map((f) => `${f.service}:${f.kind}`);
  if (infra.length > 0) throw new UsageError(`--fault ${infra.join(', ')}: the reference stack starts no infrastructure (gate --target local starts PostgreSQL and Redis, and takes these faults)`);
  const plans = planFaults(options.faults ?? []);
  const settings = buildSettings(options);
  const log = options.log ?? (() => {});
  const lowest = lowestPort(catalog.services.filter((s) => s.kind === 'http'));
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  const urls: Record<string, string> = {};
  const children: ServiceChild[] = [];
  const serving: { child: ServiceChild; service: Service }[] = [];
  const exiting: ServiceChild[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= Promise.all(children.map((c) => c.stop(3_000))).then(() => undefined));

  try {
    for (const service of services) {
      const plan = planFor(plans, service.id);
      const port = portFor(service, options.portBase, lowest);
      if (plan.down) {
        urls[service.id] = closedUrl(HOST, port);
        log(`${service.id}: not started (down fault)`);
        continue;
      }
      const child = new ServiceChild(service.id, log, options.nodeArgs?.[service.id]);
      children.push(child);
      child.send({ type: 'init', serviceId: service.id, host: HOST, port, catalog, faults: plan.faults, exitAtStart: plan.exitAtStart, settings });
      if (plan.exitAtStart) {
        urls[service.id] = closedUrl(HOST, port);
        exiting.push(child);
      } else serving.push({ child, service });
    }
    await Promise.all(serving.map(async ({ child, service }) => {
      const { port } = await child.waitFor('listening', deadline - Date.now());
      urls[service.id] = `http://${HOST}:${port}`;
    }));
    const infrastructure = await (options.infrastructure ?? {});
    for (const { child, service } of serving) child.send({ type: 'urls', urls: { ...urls }, ...serviceInfrastructure(service, catalog, infrastructure) });
    await Promise.all(serving.map(({ child }) => child.waitFor('ready', deadline - Date.now())));
    await Promise.all(serving.map(({ service }) => waitForHealth(service.id, urls[service.id]!, service.health?.path ?? '/health', deadline)));
    await Promise.all(exiting.map((child) => withDeadline(child.exited, deadline, `${child.id} (exit-at-start) did not exit`)));
  } catch (err) {
    await stop();
    throw startError(err);
  }
  return {
    urls,
    env: Object.fromEntries(Object.entries(urls).map(([id, url]) => [urlEnvVar(id), url])),
    pids: children.map((c) => c.pid),
    started: serving.map((s) => s.service.id),
    jwtSecret: settings.jwtSecret,
    processes: () => children.map((c) => ({ id: c.id, pid: c.pid, running: c.running, exitCode: c.exitCode })),
    setFaults: async (service, faults) => {
      await putFaults(service, urlOf(urls, service), faults);
    },
    admin: (service, action, body) => adminCall(service, urlOf(urls, service), 'POST', `/__admin/${action}`, body ?? {}),
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

function urlOf(urls: Record<string, string>, service: string): string {
  const url = urls[service];
  if (!url) throw new UsageError(`unknown service "${service}" (running: ${Object.keys(urls).join(', ')})`);
  return url;
}

function startError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/EADDRINUSE/.test(message)) return new ConfigError(`reference stack: a port is already in use (${message}); use --port-base or stop the other stack`);
  if (err instanceof HarnessError) return err;
  return new UnreachableError(`reference stack did not start: ${message}`);
}
