import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';
import { DB_POOL_MAX, ServiceDatabase, SIMULATED_DATABASE } from './database.ts';

describe('a service database without a DATABASE_URL', () => {
  it('is the simulated in-memory store: always reachable, and saying it is simulated', async () => {
    const db = new ServiceDatabase(true, { count: 0 }, () => {});
    expect([db.present, db.real, db.target]).toEqual([true, false, SIMULATED_DATABASE]);
    expect(await db.check()).toEqual({ status: 'healthy', target: 'simulated: in-memory store (no DATABASE_URL given)', latency_ms: 0 });
  });

  it('counts requests inside a handler as its pool in use, at most the pool size', async () => {
    const requests = { count: 3 };
    const metrics = new Metrics('sample-service');
    new ServiceDatabase(true, requests, () => {}).register(metrics);
    expect(await metrics.text()).toMatch(/^database_connection_pool_active\{service="sample-service"\} 3$/m);
    requests.count = 50;
    expect(await metrics.text()).toMatch(new RegExp(`^database_connection_pool_active\\{service="sample-service"\\} ${DB_POOL_MAX}$`, 'm'));
  });

  it('is absent from a service that keeps no data (no gauge either)', async () => {
    const db = new ServiceDatabase(false, { count: 0 }, () => {});
    const metrics = new Metrics('api-gateway');
    db.register(metrics);
    expect(db.present).toBe(false);
    expect(await metrics.text()).not.toContain('database_connection_pool_active');
  });
});
