import { describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../faults/faults.ts';
import { Database, MemoryDriver, type DatabaseDriver } from './database.ts';
import { FaultState } from './fault-state.ts';
import { Metrics } from './metrics.ts';

function database(driver: DatabaseDriver, clock = { now: 0 }) {
  const faults = new FaultState(NO_FAULTS);
  const metrics = new Metrics('orders');
  const db = new Database({ driver, poolMax: 2, breaker: { threshold: 5, resetMs: 30_000 }, metrics, faults, now: () => clock.now });
  return { db, faults, metrics, clock };
}

const failing = (): DatabaseDriver => ({ target: 'postgresql://db:5432/orders', query: async () => { throw new Error('connection refused'); }, inUse: () => 0, close: async () => {} });

describe('the simulated database pool', () => {
  it('hands out at most max connections; a statement waits for one, then fails as an exhausted pool', async () => {
    const driver = new MemoryDriver(() => 'memory://orders', { max: 1, acquireTimeoutMs: 20 });
    expect(driver.target).toBe('memory://orders');
    await Promise.all([driver.query(), driver.query(), driver.query()]);
    expect(driver.inUse()).toBe(0);
    const hold = new MemoryDriver(() => 'memory://x', { max: 0, acquireTimeoutMs: 10 });
    await expect(hold.query()).rejects.toThrow('connection pool exhausted: no free connection within 10 ms (max 0)');
  });
});

describe('a database behind a circuit breaker', () => {
  it('opens after 5 consecutive failed calls, refuses calls while open, lets one trial through after the reset time', async () => {
    const { db, clock, metrics } = database(failing());
    for (let i = 0; i < 5; i += 1) await expect(db.query('GET /orders')).rejects.toMatchObject({ status: 503, message: 'database call failed: connection refused' });
    expect(db.state).toBe('open');
    await expect(db.query('GET /orders')).rejects.toThrow('database circuit breaker open after 5 consecutive failures: GET /orders refused (retry in 30 s)');
    expect(await metrics.text()).toMatch(/^circuit_breaker_state\{breaker="database",service="orders"\} 1$/m);
    expect(await db.health()).toMatchObject({ status: 'unhealthy', error: 'circuit breaker open after 5 consecutive failures' });
    clock.now = 30_000;
    await expect(db.query('GET /orders')).rejects.toThrow('database call failed');
    expect(db.state).toBe('open');
    db.reset();
    expect(db.state).toBe('closed');
  });

  it('is held open by the breaker-open fault, and times every call into database_query_duration', async () => {
    const { db, faults, metrics } = database(new MemoryDriver(() => 'memory://orders', { max: 2, acquireTimeoutMs: 1_000 }));
    await db.query('GET /orders');
    faults.set({ breakerOpen: true });
    expect(db.state).toBe('open');
    await expect(db.query('GET /orders')).rejects.toMatchObject({ status: 503, message: 'database circuit breaker open (breaker-open fault): GET /orders refused' });
    expect(await db.health()).toMatchObject({ status: 'unhealthy', error: 'circuit breaker open (breaker-open fault)' });
    faults.set({ breakerOpen: false });
    expect(await db.health()).toMatchObject({ status: 'healthy', target: 'memory://orders' });
    const text = await metrics.text();
    expect(text).toMatch(/^database_query_duration_count\{service="orders",operation="GET \/orders",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^database_connection_pool_max\{service="orders"\} 2$/m);
  });
});
