import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../infra/free-port.ts';
import { runChild } from '../infra/process.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

/** Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin), newest version first. */
export async function postgresBinDir(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [])).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('PostgreSQL is not installed (Debian package postgresql: /usr/lib/postgresql/*/bin)');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

async function run(command: string, args: string[], label: string): Promise<string> {
  const result = await runChild({ command, args, label, timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`${label} failed (${result.error ?? result.signal ?? `exit ${result.code}`}): ${result.tail}`);
  return result.stdout;
}

/**
 * A throwaway PostgreSQL on a free loopback port, data in a temp dir owned by the `postgres` user
 * (the server refuses to run as root, so it runs through `runuser -u postgres --`). Trust auth.
 */
export async function startPostgres(): Promise<LocalServer> {
  const bin = await postgresBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'smoke-pg-'));
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres'], 'id'), run('id', ['-g', 'postgres'], 'id')]);
  await chown(dir, Number(uid.trim()), Number(gid.trim()));
  const data = join(dir, 'data');
  const asPostgres = (cmd: string, args: string[]) => ['-u', 'postgres', '--', join(bin, cmd), ...args];
  await run('runuser', asPostgres('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--no-sync', '--no-instructions', '--encoding=UTF8']), 'initdb');
  const port = await freePort();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const args = asPostgres('postgres', ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=20']);
  // SIGINT: PostgreSQL's fast shutdown.
  return startLocalServer({ command: 'runuser', args, label: 'postgres', url, stopSignal: 'SIGINT' }, async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  }, () => rm(dir, { recursive: true, force: true }));
}
