import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { onFreePort } from './free-port.ts';
import { startServerChild, type LocalServer } from './server-child.ts';

export interface RedisOptions {
  /** Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** Default `redis-server` on PATH (Debian package redis-server). */
  readonly binary?: string;
  readonly log?: (line: string) => void;
}

async function ping(url: string, timeoutMs: number): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: Math.max(100, Math.min(1_000, timeoutMs)) });
  client.on('error', () => {});
  try {
    await client.connect();
    const reply = await client.ping();
    if (reply !== 'PONG') throw new Error(`PING answered ${reply}`);
  } finally {
    client.disconnect();
  }
}

/**
 * A throwaway redis-server on a free loopback port, in its own process group, with no persistence
 * (its working dir a temp dir); ready when PING answers PONG. `stop()` stops the group and removes the dir.
 */
export async function startRedis(options: RedisOptions = {}): Promise<LocalServer> {
  const binary = options.binary ?? 'redis-server';
  const dir = await mkdtemp(join(tmpdir(), 'tracseq-redis-'));
  try {
    return await onFreePort(async (port) => {
      const url = `redis://127.0.0.1:${port}`;
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
      const child = await startServerChild({ command: binary, args, label: 'redis-server', cwd: dir }, `cannot start Redis (${binary}) on ${url}`, (left) => ping(url, left), options.readyTimeoutMs ?? 30_000);
      options.log?.(`redis ready at ${url} (pid ${child.pid})`);
      let stopping: Promise<void> | undefined;
      return { url, port, pid: child.pid ?? -1, dir, stop: () => (stopping ??= child.stop(5_000).then(() => rm(dir, { recursive: true, force: true }))) };
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
