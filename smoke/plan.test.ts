import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import { ConfigError } from '../core/errors.ts';
import { planJourneys, isMissing } from './journey-plan.ts';
import { DEFAULT_BUDGET_MS, planServices } from './plan.ts';
import { redactUrl } from './redact.ts';
import { loginBody } from './token.ts';

const catalog = loadCatalog();
const local = (env: NodeJS.ProcessEnv = {}) => resolveCatalog(catalog, 'local', env);

describe('the smoke plan', () => {
  it('plans health, detailed health, key endpoints and metrics for every http service from the catalog alone', () => {
    const plans = planServices(local());
    const sample = plans.find((p) => p.id === 'sample-service')!;
    expect(sample).toMatchObject({
      health: { url: 'http://127.0.0.1:8081/health', path: '/health', detailedPath: '/health/detailed', expect: { status: 200, body: 'json', field: 'status', healthy: ['healthy'], degraded: ['degraded'] } },
      metrics: { url: 'http://127.0.0.1:8081/metrics', path: '/metrics', required: expect.arrayContaining(['sample_processing_duration_seconds']) },
      endpoints: [{ name: 'list-samples', method: 'GET', url: 'http://127.0.0.1:8081/api/v1/samples', status: 200, auth: false, budgetMs: 1000 }],
    });
    expect(sample.health?.expect.schema?.name).toBe('tracseq/schemas/health.json');
    expect(sample.endpoints[0]?.schema?.name).toBe('tracseq/schemas/sample-list.json');
    expect(plans.find((p) => p.id === 'rag-service')?.health).toMatchObject({ path: '/health' });
    expect(plans.find((p) => p.id === 'rag-service')?.health?.detailedPath).toBeUndefined();
    expect(plans.find((p) => p.id === 'postgres')).toMatchObject({ kind: 'postgres', baseUrl: undefined, endpoints: [] });
    expect(plans.map((p) => p.id)).toEqual(catalog.services.map((s) => s.id));
    expect(DEFAULT_BUDGET_MS).toBe(1000);
  });

  it('takes URLs from <ID>_URL variables', () => {
    const plans = planServices(local({ SAMPLE_SERVICE_URL: 'http://10.0.0.5:9000', POSTGRES_URL: 'postgresql://u@db:5432/x' }));
    expect(plans.find((p) => p.id === 'sample-service')?.health?.url).toBe('http://10.0.0.5:9000/health');
    expect(plans.find((p) => p.id === 'postgres')?.baseUrl).toBe('postgresql://u@db:5432/x');
  });

  it('rejects a selection with no URL, and unusable URLs, naming the variable (exit 2)', () => {
    expect(() => planServices(selectServices(local(), ['postgres', 'redis']))).toThrow(/none of the selected services has a URL \(postgres, redis\)/);
    try {
      planServices(local({ SAMPLE_SERVICE_URL: 'not a url', REDIS_URL: 'http://cache:6379' }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).exitCode).toBe(2);
      expect((err as ConfigError).details).toEqual([
        'SAMPLE_SERVICE_URL: "not a url" is not a URL (service sample-service)',
        'REDIS_URL: "http://cache:6379" must use redis: or rediss: (service redis is redis)',
      ]);
    }
  });

  it('names the services that use an infrastructure entry, with their database', () => {
    const plans = planServices(local({ POSTGRES_URL: 'postgresql://u@db:5432/tracseq_prod' }));
    expect(plans.find((p) => p.id === 'postgres')?.dependents).toEqual(expect.arrayContaining(['auth-service (tracseq_prod)', 'sample-service (tracseq_prod)', 'lab-manager (tracseq_prod)']));
    expect(plans.find((p) => p.id === 'redis')?.dependents).toEqual(['auth-service', 'event-service']);
    expect(plans.find((p) => p.id === 'sample-service')?.dependents).toEqual([]);
  });

  it('takes replica URLs from <ID>_REPLICA_URLS and rejects ones an http client cannot call', () => {
    const plans = planServices(local({ SAMPLE_SERVICE_REPLICA_URLS: 'http://10.0.0.1:8081/, http://10.0.0.2:8081' }));
    expect(plans.find((p) => p.id === 'sample-service')?.replicas).toEqual({ source: { kind: 'urls', urls: ['http://10.0.0.1:8081', 'http://10.0.0.2:8081'], source: 'SAMPLE_SERVICE_REPLICA_URLS' }, expected: 1 });
    expect(plans.find((p) => p.id === 'storage-service')?.replicas).toBeUndefined();
    expect(() => planServices(local({ SAMPLE_SERVICE_REPLICA_URLS: 'redis://10.0.0.1:6379' }))).toThrow(expect.objectContaining({
      details: ['SAMPLE_SERVICE_REPLICA_URLS: "redis://10.0.0.1:6379" must use http: or https: (a replica is called over HTTP) (service sample-service)'],
    }));
  });

  it('rejects an empty selection', () => {
    expect(() => planServices({ ...local(), services: [] })).toThrow(ConfigError);
  });
});

describe('the journey plan', () => {
  it('routes login, current user and the sample lifecycle through the gateway, with a direct cleanup path', () => {
    const plan = planJourneys(local(), ['api-gateway'])!;
    expect(plan.login).toMatchObject({ url: 'http://127.0.0.1:8089/api/v1/auth/login', method: 'POST' });
    expect(plan.currentUser).toMatchObject({ url: 'http://127.0.0.1:8089/api/v1/users/me', auth: true });
    if (isMissing(plan.sample)) throw new Error(plan.sample.missing);
    expect(plan.sample.createUrl).toBe('http://127.0.0.1:8089/api/v1/samples');
    expect(plan.sample.sampleUrl('a/b')).toBe('http://127.0.0.1:8089/api/v1/samples/a%2Fb');
    expect(plan.sample.directSampleUrl?.('s1')).toBe('http://127.0.0.1:8081/api/v1/samples/s1');
  });

  it('is left out when the gateway is not selected, and says what the catalog lacks', () => {
    expect(planJourneys(local(), ['sample-service'])).toBeUndefined();
    const trimmed = { ...catalog, services: catalog.services.map((s) => (s.id === 'auth-service' ? { ...s, endpoints: s.endpoints.filter((e) => e.name !== 'current-user') } : s)) };
    expect(planJourneys(resolveCatalog(trimmed, 'local', {}), ['api-gateway'])?.currentUser).toEqual({ missing: 'the catalog has no endpoint "current-user" on auth-service' });
  });
});

describe('secrets', () => {
  it('never shows a password from a URL', () => {
    expect(redactUrl('postgresql://admin:p%40ss@db:5432/x')).toBe('postgresql://admin:***@db:5432/x');
    expect(redactUrl('redis://:secret@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redactUrl('http://127.0.0.1:8081')).toBe('http://127.0.0.1:8081');
  });

  it('lets TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD replace the catalog login', () => {
    expect(loginBody({ email: 'admin@lab.local', password: 'admin123' }, { TRACSEQ_SMOKE_PASSWORD: 'real' })).toEqual({ email: 'admin@lab.local', password: 'real' });
  });
});
