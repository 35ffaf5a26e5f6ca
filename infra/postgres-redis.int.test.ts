import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceDatabase } from '../stack/runtime/service-database.ts';
import { groupAlive } from '../test/helpers/run-leftovers.ts';
import { startPostgres, type RunningPostgres } from './postgres.ts';
import { liveChildren } from './process.ts';
import { startRedis } from './redis.ts';
import type { LocalServer } from './server-child.ts';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The local target's PostgreSQL and Redis, started for real from the Debian packages: the catalog's
 * databases created and queried, a service's pg Pool against them, and nothing left once stopped.
 */
describe('PostgreSQL and Redis as the local target starts them', () => {
  let postgres: RunningPostgres | undefined;
  let redis: LocalServer | undefined;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres({ databases: ['tracseq_prod', 'tracseq_audit'] }), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  it('creates every database asked for, each answering queries, its files owned by a non-root user', async () => {
    expect(postgres!.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const names = await query<{ datname: string }>(postgres!.url, 'SELECT datname FROM pg_database ORDER BY datname');
    expect(names.map((r) => r.datname)).toEqual(expect.arrayContaining(['postgres', 'tracseq_audit', 'tracseq_prod']));
    const [row] = await query<{ db: string; one: number }>(postgres!.urlFor('tracseq_prod'), 'SELECT current_database() AS db, 1 AS one');
    expect(row).toEqual({ db: 'tracseq_prod', one: 1 });
    // initdb and postgres refuse root: a root harness runs them as the `postgres` system user.
    expect(statSync(join(postgres!.dir, 'data')).uid).not.toBe(0);
  });

  it('answers PING on Redis and keeps data in memory only', async () => {
    const client = new Redis(redis!.url);
    try {
      expect(await client.ping()).toBe('PONG');
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
    } finally {
      client.disconnect();
    }
  });

  it("gives a service's database a real pool: SELECT 1 with its latency, the connection in use counted while it runs, unhealthy once PostgreSQL stops", async () => {
    const db = new ServiceDatabase(true, { count: 99 }, () => {});
    await db.use(postgres!.urlFor('tracseq_prod'));
    try {
      expect([db.real, db.target]).toEqual([true, postgres!.urlFor('tracseq_prod')]);
      const pending = db.check();
      expect(db.inUse()).toBe(1);
      const health = await pending;
      expect(health).toMatchObject({ status: 'healthy', target: postgres!.urlFor('tracseq_prod') });
      expect(health.latency_ms).toBeGreaterThan(0);
      expect(db.inUse()).toBe(0);
      const [{ count } = { count: '0' }] = await query<{ count: string }>(postgres!.url, "SELECT count(*) AS count FROM pg_stat_activity WHERE datname = 'tracseq_prod'");
      expect(Number(count)).toBe(1);

      const { pid } = postgres!;
      await postgres!.stop();
      expect(groupAlive(pid), 'the postmaster and every backend gone').toBe(false);
      const down = await db.check();
      expect(down).toMatchObject({ status: 'unhealthy', target: postgres!.urlFor('tracseq_prod') });
      expect(down.error).toMatch(/ECONNREFUSED|terminat|Connection terminated/i);
    } finally {
      await db.close();
    }
  });

  it('stops each as a process group, removes its temp dir, and leaves no child of the harness running', async () => {
    await Promise.all([postgres!.stop(), redis!.stop()]);
    for (const server of [postgres!, redis!]) {
      expect(groupAlive(server.pid), server.url).toBe(false);
      expect(existsSync(server.dir), server.dir).toBe(false);
    }
    expect(liveChildren().map((c) => c.label)).toEqual([]);
  });
});
