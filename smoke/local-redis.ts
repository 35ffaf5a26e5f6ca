import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../infra/free-port.ts';
import { spawnServer, stopGroup, waitReady, type LocalServer } from './local-server.ts';

/** A throwaway redis-server (Debian package) on a free loopback port, no persistence, in a temp dir. */
export async function startRedis(): Promise<LocalServer> {
  const dir = await mkdtemp(join(tmpdir(), 'smoke-redis-'));
  const port = await freePort();
  const { child, output } = spawnServer('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], 'redis-server');
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child, 'SIGTERM');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(async () => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, child, output, 'redis-server');
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid ?? 0, stop };
}
