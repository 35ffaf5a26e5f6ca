import type { Catalog } from '../core/catalog/schema.ts';
import { urlEnvVar } from '../core/catalog/resolve.ts';
import { databaseUrl } from '../infra/database-url.ts';
import type { LocalServer } from '../infra/server-child.ts';
import { STARTED_INFRASTRUCTURE_KINDS, type FaultSpec } from '../stack/faults/fault-spec.ts';

/** One infrastructure entry of the catalog that the local target starts (or leaves down). */
export interface InfrastructurePlan {
  readonly id: string;
  readonly kind: (typeof STARTED_INFRASTRUCTURE_KINDS)[number];
  /** postgres: the catalog's databases, created at start. */
  readonly databases: readonly string[];
  /** `<id>:down`: not started, while the services are still pointed at it. */
  readonly down: boolean;
}

/** Where a down entry is said to be: port 1 on loopback, never bound, always refused (as for a down service). */
const CLOSED: Record<InfrastructurePlan['kind'], string> = { postgres: 'postgresql://postgres@127.0.0.1:1/postgres', redis: 'redis://127.0.0.1:1' };

/** Every postgres and redis entry of the catalog, with its databases and whether a `down` fault names it (pure). */
export function planInfrastructure(catalog: Catalog, faults: readonly FaultSpec[]): InfrastructurePlan[] {
  const down = new Set(faults.filter((f) => f.infrastructure && f.kind === 'down').map((f) => f.service));
  const started: readonly string[] = STARTED_INFRASTRUCTURE_KINDS;
  return catalog.services.flatMap((s): InfrastructurePlan[] =>
    started.includes(s.kind) ? [{ id: s.id, kind: s.kind as InfrastructurePlan['kind'], databases: s.databases ?? [], down: down.has(s.id) }] : []);
}

/** What smoke probes for an entry (`POSTGRES_URL`): a postgres entry's first database, so the probe proves it exists (pure). */
export function probeEnv(plan: InfrastructurePlan, url: string): [string, string] {
  const database = plan.kind === 'postgres' ? plan.databases[0] : undefined;
  return [urlEnvVar(plan.id), database ? databaseUrl(url, database) : url];
}

export interface LocalInfrastructure {
  /** The base URL of each entry (id -> URL): the services' DATABASE_URL and REDIS_URL come from it. */
  readonly urls: Readonly<Record<string, string>>;
  /** `<ID>_URL` of each entry, for smoke's PostgreSQL and Redis probes. */
  readonly env: Readonly<Record<string, string>>;
  readonly pids: readonly number[];
  /** One progress line per entry. */
  readonly lines: readonly string[];
  /** Stops every server started (fast shutdown, then SIGKILL) and removes its temp dir; idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL (Debian's, its databases created) or redis-server for each entry, all at
 * once, each on a free loopback port in its own process group; a `down` entry gets a refused address
 * instead. If one cannot start, the others are stopped and its error is thrown.
 */
export async function startInfrastructure(plans: readonly InfrastructurePlan[]): Promise<LocalInfrastructure> {
  const started = await Promise.allSettled(plans.map(async (plan): Promise<{ plan: InfrastructurePlan; server?: LocalServer; url: string }> => {
    if (plan.down) return { plan, url: CLOSED[plan.kind] };
    const server = plan.kind === 'postgres'
      ? await (await import('../infra/postgres.ts')).startPostgres({ databases: plan.databases })
      : await (await import('../infra/redis.ts')).startRedis();
    return { plan, server, url: server.url };
  }));
  const up = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = () => Promise.allSettled(up.map((u) => u.server?.stop())).then(() => undefined);
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  let stopping: Promise<void> | undefined;
  return {
    urls: Object.fromEntries(up.map((u) => [u.plan.id, u.url])),
    env: Object.fromEntries(up.map((u) => probeEnv(u.plan, u.url))),
    pids: up.flatMap((u) => (u.server ? [u.server.pid] : [])),
    lines: up.map((u) => u.server
      ? `${u.plan.id}: ${u.url} (pid ${u.server.pid})${u.plan.databases.length > 0 ? `, databases ${u.plan.databases.join(', ')}` : ''}`
      : `${u.plan.id}: not started (down fault); services pointed at ${u.url}`),
    stop: () => (stopping ??= stop()),
  };
}
