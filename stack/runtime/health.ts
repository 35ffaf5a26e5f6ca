import type { Catalog, Service } from '../../core/catalog/schema.ts';
import type { DependencyHealth, HealthDetailedBody } from './health-types.ts';
import type { ServiceDatabase } from './service-database.ts';
import { BAD_DATABASE_URL } from './deps.ts';
import { probeDatabase, probeHttp } from './probes.ts';
import type { ServiceRedis } from './service-redis.ts';
import type { Reply, Route, ServiceContext, ServiceInstance } from './types.ts';

const STARTED = performance.now();

export function uptimeSeconds(): number {
  return Math.round((performance.now() - STARTED) / 100) / 10;
}

/** The services this one calls over HTTP (or routes to), plus the catalog's event bus when it publishes or consumes events. */
export function dependencyIds(service: Service, catalog: Catalog): string[] {
  const ids = new Set([...service.dependencies.http.map((d) => d.to), ...(service.router?.routes.map((r) => r.to) ?? [])]);
  const bus = catalog.events.bus;
  const usesBus = service.dependencies.publishes.length > 0 || service.dependencies.consumes.length > 0;
  if (usesBus && bus !== undefined && service.id !== bus && catalog.services.some((s) => s.id === bus)) ids.add(bus);
  return [...ids];
}

/** What a service keeps its data in and caches with: its database (real or simulated) and its Redis, when it has them. */
export interface Backing {
  readonly database: ServiceDatabase;
  readonly redis: ServiceRedis;
}

/**
 * /health/detailed's dependency map, every entry checked live and at once: each HTTP dependency, the
 * database (a real `SELECT 1`, or the simulated store; under bad-dependency, the wrong address it
 * looks at), and Redis (a real `PING`).
 */
export async function dependencyHealth(ctx: ServiceContext, instance: ServiceInstance, backing: Backing): Promise<Record<string, DependencyHealth>> {
  const ids = dependencyIds(ctx.service, ctx.catalog);
  const checks = ids.map(async (id): Promise<[string, DependencyHealth]> => {
    if (!ctx.faults.current.badDependency && !ctx.deps.has(id)) return [id, { status: 'unhealthy', error: `no URL configured for ${id}` }];
    const target = ctx.deps.url(id);
    return [id, await probeHttp(ctx.deps.pool(id), target)];
  });
  const { database, redis } = backing;
  if (database.present) checks.push((ctx.faults.current.badDependency ? probeDatabase(BAD_DATABASE_URL) : database.check()).then((h): [string, DependencyHealth] => ['database', h]));
  if (redis.present) checks.push(redis.check().then((h): [string, DependencyHealth] => ['redis', h]));
  const result: Record<string, DependencyHealth> = Object.fromEntries(await Promise.all(checks));
  if (instance.extraHealth) Object.assign(result, await instance.extraHealth());
  return result;
}

export function healthRoutes(ctx: ServiceContext, instance: ServiceInstance, backing: Backing): Route[] {
  const base = () => ({ service: ctx.id, version: ctx.settings.version, uptime_seconds: uptimeSeconds() });
  const routes: Route[] = [
    {
      method: 'GET',
      path: ctx.service.health?.path ?? '/health',
      handler: async (): Promise<Reply> => {
        if (ctx.faults.current.healthLies) return { status: 503, body: { ...base(), status: 'unhealthy' } };
        if (instance.health) return instance.health();
        return { status: 200, body: { status: 'healthy', ...base() } };
      },
    },
  ];
  const detailed = ctx.service.health?.detailed;
  if (detailed) {
    routes.push({
      method: 'GET',
      path: detailed,
      handler: async (): Promise<Reply> => {
        const dependencies = await dependencyHealth(ctx, instance, backing);
        const down = Object.values(dependencies).some((d) => d.status === 'unhealthy');
        const degraded = Object.values(dependencies).some((d) => d.status === 'degraded');
        const lies = ctx.faults.current.healthLies;
        const status = lies || down ? 'unhealthy' : degraded ? 'degraded' : 'healthy';
        const body: HealthDetailedBody = { status, ...base(), dependencies };
        return { status: status === 'unhealthy' ? 503 : 200, body };
      },
    });
  }
  return routes;
}
