import type { Catalog, Service } from '../../core/catalog/schema.ts';
import type { DependencyHealth, HealthDetailedBody } from './health-types.ts';
import { probeDatabase, probeHttp } from './probes.ts';
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

/** /health/detailed's dependency map: each dependency probed live, plus the simulated database. */
export async function dependencyHealth(ctx: ServiceContext, instance: ServiceInstance, database: boolean): Promise<Record<string, DependencyHealth>> {
  const ids = dependencyIds(ctx.service, ctx.catalog);
  const entries = await Promise.all(
    ids.map(async (id): Promise<[string, DependencyHealth]> => {
      if (!ctx.faults.current.badDependency && !ctx.deps.has(id)) return [id, { status: 'unhealthy', error: `no URL configured for ${id}` }];
      const target = ctx.deps.url(id);
      return [id, await probeHttp(ctx.deps.pool(id), target)];
    }),
  );
  const result: Record<string, DependencyHealth> = Object.fromEntries(entries);
  if (database) result['database'] = await probeDatabase(ctx.deps.databaseTarget());
  if (instance.extraHealth) Object.assign(result, await instance.extraHealth());
  return result;
}

export function healthRoutes(ctx: ServiceContext, instance: ServiceInstance, database: boolean): Route[] {
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
        const dependencies = await dependencyHealth(ctx, instance, database);
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
