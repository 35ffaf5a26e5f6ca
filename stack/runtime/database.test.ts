import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../faults/faults.ts';
import { Database, SimulatedPool, type DatabaseDriver } from './database.ts';
import { FaultState } from './fault-state.ts';
import { Metrics } from './metrics.ts';
import { DB_POOL_MAX, ServiceDatabase, SIMULATED_DATABASE } from './service-database.ts';

function database(driver: DatabaseDriver, clock = { now: 0 }) {
  const faults = new FaultState(NO_FAULTS);
  const metrics = new Metrics('orders');
  const db = new Database({ driver, breaker: { threshold: 5, resetMs: 30_000 }, metrics, faults, now: () => clock.now });
  return { db, faults, metrics, clock };
}

const failing = (): DatabaseDriver => ({ target: 'postgresql://db:5432/orders', query: async () => { throw new Error('connection refused'); }, inUse: () => 0, close: async () => {} });

describe('the simulated database pool', () => {
  it('hands out at most max connections; a statement waits for one, then fails as an exhausted pool', async () => {
    const pool = new SimulatedPool({ max: 1, acquireTimeoutMs: 20 });
    await Promise.all([pool.query(), pool.query(), pool.query()]);
    expect(pool.inUse()).toBe(0);
    const none = new SimulatedPool({ max: 0, acquireTimeoutMs: 10 });
    await expect(none.query()).rejects.toThrow('connection pool exhausted: no free connection within 10 ms (max 0)');
  });
});

describe('a database behind a circuit breaker', () => {
  it('opens after 5 consecutive failed calls, refuses calls while open, lets one trial through after the reset time', async () => {
    const { db, clock, metrics } = database(failing());
    for (let i = 0; i < 5; i += 1) await expect(db.query('GET /orders')).rejects.toMatchObject({ status: 503, message: 'database call failed: connection refused' });
    expect(db.state).toBe('open');
    await expect(db.query('GET /orders')).rejects.toThrow('database circuit breaker open after 5 consecutive failures: GET /orders refused (retry in 30 s)');
    expect(await metrics.text()).toMatch(/^circuit_breaker_state\{breaker="database",service="orders"\} 1$/m);
    expect(db.breakerHealth()).toMatchObject({ status: 'unhealthy', error: 'circuit breaker open after 5 consecutive failures' });
    clock.now = 30_000;
    await expect(db.query('GET /orders')).rejects.toThrow('database call failed');
    expect(db.state).toBe('open');
    db.reset();
    expect(db.state).toBe('closed');
    expect(db.breakerHealth()).toBeUndefined();
  });

  it('is held open by the breaker-open fault, and times every call into database_query_duration', async () => {
    const { db, faults, metrics } = database(new ServiceDatabase(true, { count: 0 }, () => {}, { max: 2, acquireTimeoutMs: 1_000 }));
    await db.query('GET /orders');
    faults.set({ breakerOpen: true });
    expect(db.state).toBe('open');
    await expect(db.query('GET /orders')).rejects.toMatchObject({ status: 503, message: 'database circuit breaker open (breaker-open fault): GET /orders refused' });
    expect(db.breakerHealth()).toMatchObject({ status: 'unhealthy', target: SIMULATED_DATABASE, error: 'circuit breaker open (breaker-open fault)' });
    faults.set({ breakerOpen: false });
    expect(db.breakerHealth()).toBeUndefined();
    expect(await metrics.text()).toMatch(/^database_query_duration_count\{service="orders",operation="GET \/orders",outcome="ok"\} 1$/m);
  });
});

describe('a service database without a DATABASE_URL', () => {
  it('is the simulated in-memory store: always reachable, and saying it is simulated', async () => {
    const db = new ServiceDatabase(true, { count: 0 }, () => {});
    expect([db.present, db.real, db.target]).toEqual([true, false, SIMULATED_DATABASE]);
    expect(await db.check()).toEqual({ status: 'healthy', target: 'simulated: in-memory store (no DATABASE_URL given)', latency_ms: 0 });
  });

  it('counts requests inside a handler as its pool in use, at most the pool size, and reports the pool size', async () => {
    const requests = { count: 3 };
    const metrics = new Metrics('sample-service');
    new ServiceDatabase(true, requests, () => {}).register(metrics);
    expect(await metrics.text()).toMatch(/^database_connection_pool_active\{service="sample-service"\} 3$/m);
    requests.count = 50;
    expect(await metrics.text()).toMatch(new RegExp(`^database_connection_pool_active\\{service="sample-service"\\} ${DB_POOL_MAX}$`, 'm'));
    expect(await metrics.text()).toMatch(new RegExp(`^database_connection_pool_max\\{service="sample-service"\\} ${DB_POOL_MAX}$`, 'm'));
  });

  it('counts statements holding a simulated connection, within the catalog pool size', async () => {
    const db = new ServiceDatabase(true, { count: 0 }, () => {}, { max: 1, acquireTimeoutMs: 10 });
    const first = db.query('SELECT 1');
    expect(db.inUse()).toBe(1);
    await first;
    expect(db.inUse()).toBe(0);
  });

  it('is absent from a service that keeps no data (no gauge either)', async () => {
    const db = new ServiceDatabase(false, { count: 0 }, () => {});
    const metrics = new Metrics('api-gateway');
    db.register(metrics);
    expect(db.present).toBe(false);
    expect(await metrics.text()).not.toContain('database_connection_pool_active');
  });
});
