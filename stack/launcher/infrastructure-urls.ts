import type { Catalog, Service } from '../../core/catalog/schema.ts';
import { databaseUrl } from '../../infra/database-url.ts';

/** One service's DATABASE_URL and REDIS_URL, as a real deployment would set them. */
export interface ServiceInfrastructure {
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
}

/**
 * From the catalog's `dependencies.infrastructure` of `service` and the URL of each running
 * infrastructure entry (`{ postgres: 'postgresql://...', redis: 'redis://...' }`): its DATABASE_URL
 * (the first postgres entry it uses, with the database it names) and its REDIS_URL (the first redis
 * entry). An entry without a URL gives nothing: the service keeps its simulated store.
 */
export function serviceInfrastructure(service: Service, catalog: Catalog, urls: Readonly<Record<string, string>>): ServiceInfrastructure {
  let result: ServiceInfrastructure = {};
  for (const dep of service.dependencies.infrastructure) {
    const url = urls[dep.id];
    const kind = catalog.services.find((s) => s.id === dep.id)?.kind;
    if (!url) continue;
    if (kind === 'postgres' && !result.databaseUrl) result = { ...result, databaseUrl: dep.database ? databaseUrl(url, dep.database) : url };
    if (kind === 'redis' && !result.redisUrl) result = { ...result, redisUrl: url };
  }
  return result;
}
