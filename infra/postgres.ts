import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { UnreachableError } from '../core/errors.ts';
import { databaseUrl } from './database-url.ts';
import { onFreePort } from './free-port.ts';
import { runChild } from './process.ts';
import { startServerChild, type LocalServer } from './server-child.ts';

/** Where Debian's postgresql packages put each major version's binaries: `<root>/<version>/bin`. */
export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

export interface PostgresOptions {
  /** Databases to create (the catalog's); `postgres` always exists. */
  readonly databases?: readonly string[];
  /** For initdb, the start and the databases together (default 60 s: a busy 2-core machine). */
  readonly readyTimeoutMs?: number;
  /** Default: the newest version under /usr/lib/postgresql. */
  readonly binDir?: string;
  readonly log?: (line: string) => void;
}

export interface RunningPostgres extends LocalServer {
  /** The databases created at start. */
  readonly databases: readonly string[];
  /** The server's URL with another database, e.g. `postgresql://postgres@127.0.0.1:41234/tracseq_prod`. */
  urlFor(database: string): string;
}

/** The newest major version among the folder names (`15`, `16`, `9.6`), or undefined. */
export function newestVersion(names: readonly string[]): string | undefined {
  return names.filter((n) => /^\d+(\.\d+)?$/.test(n)).sort((a, b) => Number(b) - Number(a))[0];
}

/** The newest installed version's bin folder (Debian keeps several side by side), or an error naming the package. */
export async function postgresBinDir(root = DEBIAN_POSTGRES_ROOT): Promise<string> {
  const version = newestVersion(await readdir(root).catch(() => []));
  if (!version) throw new UnreachableError(`PostgreSQL is not installed (no ${root}/<version>/bin); install the Debian package postgresql (scripts/setup does)`);
  return join(root, version, 'bin');
}

/** PostgreSQL refuses to run as root: a root harness runs it as the `postgres` user (Debian's package creates it). */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = async (flag: string) => {
    const result = await runChild({ command: 'id', args: [flag, 'postgres'], label: 'id', timeoutMs: 10_000 });
    if (result.code !== 0) throw new UnreachableError('PostgreSQL refuses to run as root and there is no postgres user to run it as (the Debian package postgresql creates it)', [result.tail]);
    return Number(result.stdout.trim());
  };
  const [uid, gid] = await Promise.all([id('-u'), id('-g')]);
  return { uid, gid };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, timeoutMs: number, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.max(100, Math.min(2_000, timeoutMs)) });
  client.on('error', () => {}); // a server going away must not crash the harness
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A throwaway PostgreSQL from the Debian packages: initdb into a temp dir (trust auth, loopback only,
 * no fsync), the server on a free loopback port in its own process group (as the `postgres` user when
 * the harness is root), ready when `SELECT 1` answers, then the databases created. `stop()` is
 * PostgreSQL's fast shutdown (SIGINT to the group, SIGKILL after 10 s) and removes the temp dir.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<RunningPostgres> {
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const [bin, user] = await Promise.all([options.binDir ?? postgresBinDir(), serverUser()]);
  const dir = await mkdtemp(join(tmpdir(), 'tracseq-postgres-'));
  try {
    if (user) await chown(dir, user.uid, user.gid);
    const data = join(dir, 'data');
    const as = { ...user, cwd: dir };
    const init = await runChild({
      command: join(bin, 'initdb'),
      args: ['-D', data, '--auth=trust', '--username=postgres', '--no-sync', '--no-instructions', '--no-locale', '--encoding=UTF8'],
      label: 'initdb', timeoutMs, ...as,
    });
    if (init.code !== 0) throw new UnreachableError(`cannot start PostgreSQL: initdb (${join(bin, 'initdb')}) failed (${init.error ?? init.signal ?? `exit ${init.code}`})`, init.tail.split('\n').slice(-5));
    return await onFreePort(async (port) => {
      const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      const child = await startServerChild({
        command: join(bin, 'postgres'),
        args: ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
        label: 'postgres', stopSignal: 'SIGINT', ...as,
      }, `cannot start PostgreSQL (${join(bin, 'postgres')}) on ${url}`, (left) => withClient(url, left, async (c) => void (await c.query('SELECT 1'))), timeoutMs);
      const databases = [...new Set(options.databases ?? [])].filter((d) => d !== 'postgres');
      try {
        await withClient(url, timeoutMs, async (client) => {
          for (const database of databases) await client.query(`CREATE DATABASE ${quoted(database)}`);
        });
      } catch (err) {
        await child.stop(2_000);
        throw new UnreachableError(`PostgreSQL on ${url}: cannot create the databases ${databases.join(', ')}: ${err instanceof Error ? err.message : String(err)}`);
      }
      options.log?.(`postgres ready at ${url} (pid ${child.pid}, databases ${databases.join(', ') || 'none'})`);
      let stopping: Promise<void> | undefined;
      return {
        url,
        port,
        pid: child.pid ?? -1,
        dir,
        databases,
        urlFor: (database) => databaseUrl(url, database),
        stop: () => (stopping ??= child.stop(10_000).then(() => rm(dir, { recursive: true, force: true }))),
      };
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
