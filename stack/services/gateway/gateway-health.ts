import type { DependencyHealth } from '../../runtime/health-types.ts';
import { dependencyIds, uptimeSeconds } from '../../runtime/health.ts';
import { probeHttp } from '../../runtime/probes.ts';
import type { ServiceContext } from '../../runtime/types.ts';

const CACHE_MS = 1_000;

/**
 * The gateway's aggregated health. Its catalog dependencies (auth, sample) are critical: one down makes the
 * gateway unhealthy (503). Any other routed upstream down makes it degraded (200): those routes fail, the rest work.
 */
export function gatewayHealth(ctx: ServiceContext, upstreams: () => readonly string[]) {
  const critical = new Set(dependencyIds(ctx.service, ctx.catalog));
  let cached: { at: number; result: Promise<Record<string, DependencyHealth>> } | undefined;

  const probeAll = (): Promise<Record<string, DependencyHealth>> => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.result;
    const ids = [...new Set([...critical, ...upstreams()])];
    const result = Promise.all(ids.map(async (id): Promise<[string, DependencyHealth]> => {
      if (!ctx.faults.current.badDependency && !ctx.deps.has(id)) return [id, { status: 'unhealthy', error: `no URL configured for ${id}` }];
      return [id, await probeHttp(ctx.deps.pool(id), ctx.deps.url(id))];
    })).then((entries) => Object.fromEntries(entries));
    cached = { at: Date.now(), result };
    return result;
  };

  return {
    async health(): Promise<{ status: number; body: unknown }> {
      const probes = await probeAll();
      const down = Object.entries(probes).filter(([, h]) => h.status !== 'healthy').map(([id]) => id);
      const status = down.some((id) => critical.has(id)) ? 'unhealthy' : down.length > 0 ? 'degraded' : 'healthy';
      const services = Object.fromEntries(Object.entries(probes).map(([id, h]) => [id, h.status]));
      return { status: status === 'unhealthy' ? 503 : 200, body: { status, service: ctx.id, version: ctx.settings.version, uptime_seconds: uptimeSeconds(), services } };
    },
    /** /health/detailed entries for the non-critical upstreams (unhealthy ones reported as degraded). */
    async extraHealth(): Promise<Record<string, DependencyHealth>> {
      const probes = await probeAll();
      return Object.fromEntries(Object.entries(probes)
        .filter(([id]) => !critical.has(id))
        .map(([id, h]) => [id, h.status === 'unhealthy' ? { ...h, status: 'degraded' as const } : h]));
    },
  };
}
