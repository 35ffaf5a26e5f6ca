import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../infra/free-port.ts';
import { spawnServer, stopGroup, waitReady, type LocalServer } from './local-server.ts';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin), newest version first. */
export async function postgresBinDir(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [])).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('PostgreSQL is not installed (Debian package postgresql: /usr/lib/postgresql/*/bin)');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

/**
 * A throwaway PostgreSQL on a free loopback port, data in a temp dir owned by the `postgres` user
 * (the server refuses to run as root, so it runs through `runuser -u postgres --`). Trust auth.
 */
export async function startPostgres(): Promise<LocalServer> {
  const bin = await postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'smoke-pg-'));
  const { uid, gid } = await idsOf('postgres');
  await chown(dir, uid, gid);
  const data = join(dir, 'data');
  const asPostgres = (cmd: string, args: string[]) => ['-u', 'postgres', '--', join(bin, cmd), ...args];
  await run('runuser', asPostgres('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--no-sync', '--no-instructions', '--encoding=UTF8']));
  const port = await freePort();
  const { child, output } = spawnServer('runuser', asPostgres('postgres', ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=20']), 'postgres');
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await stopGroup(child, 'SIGINT');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } finally {
        await client.end().catch(() => {});
      }
    }, child, output, 'postgres');
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, pid: child.pid ?? 0, stop };
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
