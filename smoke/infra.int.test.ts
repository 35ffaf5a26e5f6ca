import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../infra/free-port.ts';
import { startPostgres } from '../infra/postgres.ts';
import { startRedis } from '../infra/redis.ts';
import type { LocalServer } from '../infra/server-child.ts';
import { probePostgres } from './probe-postgres.ts';
import { probeRedis } from './probe-redis.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the PostgreSQL probe against a real server', () => {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) expect(alive(server.pid)).toBe(false);
  });

  it('passes SELECT 1 over a real connection', async () => {
    const verdict = await probePostgres(server!.url, 5000);
    expect(verdict).toMatchObject({ outcome: 'pass', detail: { query: 'SELECT 1' } });
  });

  it('fails a missing database as dependency-down with the SQLSTATE', async () => {
    const verdict = await probePostgres(server!.url.replace(/\/postgres$/, '/tracseq_prod'), 5000);
    expect(verdict.failure).toMatchObject({ kind: 'dependency-down' });
    expect(verdict.failure?.message).toMatch(/database "tracseq_prod" does not exist \(SQLSTATE 3D000\)/);
  });

  it('fails a closed port as connection refused and hides the password', async () => {
    const verdict = await probePostgres(`postgresql://tracseq_admin:secret@127.0.0.1:${await freePort()}/tracseq_prod`, 2000);
    expect(verdict.failure).toMatchObject({ kind: 'connection-refused' });
    expect(verdict.failure?.url).toMatch(/^postgresql:\/\/tracseq_admin:\*\*\*@127\.0\.0\.1:\d+\/tracseq_prod$/);
  });
});

describe('the Redis probe against a real server', () => {
  let server: LocalServer | undefined;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
    if (server) expect(alive(server.pid)).toBe(false);
  });

  it('passes PING over a real connection', async () => {
    expect(await probeRedis(server!.url, 5000)).toMatchObject({ outcome: 'pass', detail: { command: 'PING' } });
  });

  it('fails a server that wants a password as dependency-down, and passes with it', async () => {
    const admin = new Redis(server!.url);
    await admin.config('SET', 'requirepass', 's3cret');
    admin.disconnect();
    try {
      const verdict = await probeRedis(server!.url, 5000);
      expect(verdict.failure).toMatchObject({ kind: 'dependency-down' });
      expect(verdict.failure?.message).toMatch(/NOAUTH/);
      const withPassword = server!.url.replace('redis://', 'redis://:s3cret@');
      expect(await probeRedis(withPassword, 5000)).toMatchObject({ outcome: 'pass', detail: { url: withPassword.replace('s3cret', '***') } });
    } finally {
      const cleanup = new Redis(server!.url.replace('redis://', 'redis://:s3cret@'));
      await cleanup.config('SET', 'requirepass', '');
      cleanup.disconnect();
    }
  });

  it('fails a closed port as connection refused', async () => {
    expect((await probeRedis(`redis://127.0.0.1:${await freePort()}`, 2000)).failure?.kind).toBe('connection-refused');
  });
});
