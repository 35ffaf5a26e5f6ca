import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { serviceInfrastructure } from './infrastructure-urls.ts';

const catalog = loadCatalog();
const service = (id: string) => catalog.services.find((s) => s.id === id)!;
const URLS = { postgres: 'postgresql://postgres@127.0.0.1:5433/postgres', redis: 'redis://127.0.0.1:6380' };

describe('serviceInfrastructure', () => {
  it('gives a service its DATABASE_URL on the database its catalog entry names, and its REDIS_URL', () => {
    expect(serviceInfrastructure(service('auth-service'), catalog, URLS)).toEqual({ databaseUrl: 'postgresql://postgres@127.0.0.1:5433/tracseq_prod', redisUrl: 'redis://127.0.0.1:6380' });
    expect(serviceInfrastructure(service('sample-service'), catalog, URLS)).toEqual({ databaseUrl: 'postgresql://postgres@127.0.0.1:5433/tracseq_prod' });
    expect(serviceInfrastructure(service('event-service'), catalog, URLS)).toEqual({ redisUrl: 'redis://127.0.0.1:6380' });
  });

  it('gives nothing for what the service does not use, or what has no URL (the simulated store stays)', () => {
    expect(serviceInfrastructure(service('api-gateway'), catalog, URLS)).toEqual({});
    expect(serviceInfrastructure(service('rag-service'), catalog, URLS)).toEqual({});
    expect(serviceInfrastructure(service('auth-service'), catalog, {})).toEqual({});
    expect(serviceInfrastructure(service('auth-service'), catalog, { redis: URLS.redis })).toEqual({ redisUrl: URLS.redis });
  });

  it('keeps the credentials of the server URL', () => {
    expect(serviceInfrastructure(service('sample-service'), catalog, { postgres: 'postgresql://app:s%40cret@db:5432/postgres' })).toEqual({ databaseUrl: 'postgresql://app:s%40cret@db:5432/tracseq_prod' });
  });
});
