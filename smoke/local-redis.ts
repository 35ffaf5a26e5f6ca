import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../infra/free-port.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

/** A throwaway redis-server (Debian package) on a free loopback port, no persistence, in a temp dir. */
export async function startRedis(): Promise<LocalServer> {
  const dir = await mkdtemp(join(tmpdir(), 'smoke-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
  return startLocalServer({ command: 'redis-server', args, label: 'redis-server', url }, async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  }, () => rm(dir, { recursive: true, force: true }));
}
