import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { loadCatalog } from '../core/catalog/load.ts';
import type { HealthDetailed } from '../core/health-detailed.ts';
import type { Check, SuiteResult } from '../core/result.ts';
import { startStack, type Faults, type RunningStack } from '../stack/launcher.ts';
import { startPostgres, type RunningPostgres } from '../infra/postgres.ts';
import { startRedis } from '../infra/redis.ts';
import type { LocalServer } from '../infra/server-child.ts';
import { localSuiteContext } from './local-context.ts';
import { runSmoke } from './run.ts';

/**
 * Smoke against the real reference stack (every service its own process) on real PostgreSQL and
 * Redis, as the local target runs it: each service with a database gets its DATABASE_URL (REDIS_URL)
 * from the catalog. The machine is shared and busy, so the healthy runs scale latency budgets
 * (budgetScale); budgets themselves are proven by the latency fault below with the catalog's own budgets.
 */
const failing = (r: SuiteResult): Check[] => r.checks.filter((c) => c.outcome === 'fail');
const ids = (checks: Check[]): string[] => checks.map((c) => c.id).sort();

describe('smoke against the reference stack', () => {
  let stack: RunningStack | undefined;
  let postgres: RunningPostgres | undefined;
  let redis: LocalServer | undefined;
  let env: Record<string, string> = {};
  const run = (options: Parameters<typeof runSmoke>[1] = {}) => runSmoke(localSuiteContext(env), { budgetScale: 5, timeoutMs: 20_000, ...options });
  const detailed = async (service: string): Promise<HealthDetailed> => (await request(`${stack!.urls[service]}/health/detailed`)).body.json() as Promise<HealthDetailed>;
  const withFault = async (service: string, faults: Partial<Faults>, body: () => Promise<void>) => {
    await stack!.setFaults(service, faults);
    try {
      await body();
    } finally {
      await stack!.setFaults(service, { latencyMs: 0, healthLies: false, badDependency: false, drift: false, metricsMissing: false });
    }
  };

  beforeAll(async () => {
    const infrastructure = Promise.all([startPostgres({ databases: ['tracseq_prod'] }), startRedis()]);
    infrastructure.catch(() => {});
    const started = await Promise.allSettled([startStack({ portBase: 0, infrastructure: infrastructure.then(([p, r]) => ({ postgres: p.url, redis: r.url })) }), infrastructure]);
    if (started[1].status === 'fulfilled') [postgres, redis] = started[1].value;
    if (started[0].status === 'rejected') throw started[0].reason;
    stack = started[0].value;
    env = { ...stack.env, POSTGRES_URL: postgres!.urlFor('tracseq_prod'), REDIS_URL: redis!.url };
  });
  afterAll(async () => {
    await Promise.all([stack?.stop(), postgres?.stop(), redis?.stop()]);
  });

  it('passes a healthy stack 20 runs in a row, with real PostgreSQL and Redis probes', async () => {
    for (let i = 0; i < 20; i += 1) {
      const result = await run();
      expect(ids(failing(result)), `run ${i + 1}`).toEqual([]);
      expect(result.outcome === 'pass' || result.outcome === 'warn', `run ${i + 1}: ${result.outcome}`).toBe(true);
      expect(result.checks.filter((c) => c.outcome === 'skip').map((c) => c.id)).toEqual(['chroma.health']);
      expect(result.checks.find((c) => c.id === 'postgres.postgres:select-1')?.outcome).toBe('pass');
      expect(result.checks.find((c) => c.id === 'redis.redis:ping')?.outcome).toBe('pass');
      expect(result.checks.find((c) => c.id === 'api-gateway.journey:sample-lifecycle')?.outcome).toBe('pass');
    }
    // The services' own view: a real SELECT 1 on the catalog's database, a real PING on Redis.
    const sample = await detailed('sample-service');
    expect(sample.dependencies['database']).toMatchObject({ status: 'healthy', target: postgres!.urlFor('tracseq_prod') });
    expect(sample.dependencies['database']?.latency_ms).toBeGreaterThan(0);
    expect((await detailed('auth-service')).dependencies['redis']).toMatchObject({ status: 'healthy', target: redis!.url });
  });

  it('fails a gateway whose health lies, naming it and the 503, while its journeys still pass', async () => {
    await withFault('api-gateway', { healthLies: true }, async () => {
      const result = await run();
      expect(ids(failing(result))).toEqual(['api-gateway.health', 'api-gateway.health-detailed']);
      expect(failing(result)[0]?.failure).toMatchObject({ kind: 'http-status', url: `${stack!.urls['api-gateway']}/health` });
      expect(failing(result)[0]?.failure?.message).toMatch(/^HTTP 503, expected 200/);
      expect(result.checks.find((c) => c.id === 'api-gateway.journey:login')?.outcome).toBe('pass');
    });
  });

  it('fails a service pointed at the wrong database, naming the dependency and where it looks', async () => {
    await withFault('notification-service', { badDependency: true }, async () => {
      const result = await run();
      expect(ids(failing(result))).toEqual(['notification-service.endpoint:list-notifications', 'notification-service.health-detailed']);
      const detailed = result.checks.find((c) => c.id === 'notification-service.health-detailed')?.failure;
      expect(detailed?.kind).toBe('dependency-down');
      expect(detailed?.message).toMatch(/dependency "[a-z-]+" is unhealthy at \S*127\.0\.0\.1:1\b/);
      expect(detailed?.message).toMatch(/database[" ].*127\.0\.0\.1:1/);
      const endpoint = result.checks.find((c) => c.id === 'notification-service.endpoint:list-notifications')?.failure;
      expect(endpoint?.message).toMatch(/^HTTP 503, expected 200: .*database unreachable at postgresql:\/\/\S+@127\.0\.0\.1:1\//);
    });
  });

  it('fails a drifted sample-service on its key endpoint and through the gateway, naming the field', async () => {
    await stack!.admin('sample-service', 'seed', { samples: [{ id: 'smoke-seed-1', barcode: 'TS-SEED-1', sample_type: 'blood' }] });
    try {
      await withFault('sample-service', { drift: true }, async () => {
        const result = await run();
        const direct = result.checks.find((c) => c.id === 'sample-service.endpoint:list-samples');
        expect(direct?.failure).toMatchObject({ kind: 'schema', field: '/data/0/barcode' });
        expect(direct?.failure?.message).toMatch(/^response does not match tracseq\/schemas\/sample-list\.json: \/data\/0\/barcode: must have required property 'barcode'/);
        const journey = result.checks.find((c) => c.id === 'api-gateway.journey:sample-lifecycle');
        expect(journey?.failure).toMatchObject({ kind: 'schema', field: '/barcode' });
        expect(journey?.failure?.message).toMatch(/^sample-service via api-gateway, create: response does not match tracseq\/schemas\/sample\.json: \/barcode: /);
        expect(journey?.detail?.['cleanup']).toMatch(/^deleted sample /);
      });
    } finally {
      await stack!.admin('sample-service', 'reset');
    }
  });

  it('fails a service without /metrics, and one slower than its budget, with the catalog budgets', async () => {
    await withFault('storage-service', { metricsMissing: true }, async () => {
      const result = await run();
      expect(ids(failing(result))).toEqual(['storage-service.metrics']);
      expect(failing(result)[0]?.failure?.message).toMatch(/^HTTP 404, expected 200/);
    });
    await withFault('template-service', { latencyMs: 1500 }, async () => {
      const result = await runSmoke(localSuiteContext(env, ['template-service']), { timeoutMs: 20_000 });
      const endpoint = result.checks.find((c) => c.id === 'template-service.endpoint:list-templates');
      expect(endpoint?.failure?.kind).toBe('slow');
      expect(endpoint?.failure?.message).toMatch(/^took \d+ ms, over the 1000 ms budget; a second took \d+ ms$/);
    });
  });

  it('fails smoke when PostgreSQL goes down, naming postgres, every service that uses it, and where they look', async () => {
    const users = loadCatalog().services.filter((s) => s.dependencies.infrastructure.some((d) => d.id === 'postgres'));
    const target = postgres!.urlFor('tracseq_prod');
    await postgres!.stop();
    const result = await run();
    const probe = result.checks.find((c) => c.id === 'postgres.postgres:select-1');
    expect(probe?.failure).toMatchObject({ kind: 'connection-refused', url: target });
    expect(probe?.failure?.message).toContain(`used by ${users.map((s) => `${s.id} (tracseq_prod)`).join(', ')}`);
    for (const service of users) {
      const failed = failing(result).filter((c) => c.service === service.id);
      const message = service.health?.detailed ? /dependency "database" is unhealthy at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/tracseq_prod: .*ECONNREFUSED/ : /HTTP 503, expected 200: .*database unreachable at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/tracseq_prod/;
      expect(failed.map((c) => c.failure?.message).join('\n'), service.id).toMatch(message);
    }
    expect(result.checks.find((c) => c.id === 'redis.redis:ping')?.outcome).toBe('pass');
    expect(result.checks.find((c) => c.id === 'api-gateway.health-detailed')?.outcome).not.toBe('fail');
  });
});
