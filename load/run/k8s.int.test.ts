import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../core/catalog/load.ts';
import { resolveCatalog } from '../../core/catalog/resolve.ts';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { runChild } from '../../infra/process.ts';
import type { RunningStack } from '../../stack/launcher.ts';
import { filesUnder } from '../../test/helpers/report-dirs.ts';
import { runCli } from '../../test/helpers/cli.ts';
import { loginCredentials } from './endpoints/login.ts';
import { manifestProblems, type Manifests } from './k8s/manifest.ts';
import { locateK6 } from './k6/locate.ts';
import { runK6 } from './k6/spawn.ts';
import { startLoadStack } from './testing/fixture.ts';

/**
 * `load k8s` with a catalog whose login password is a random canary, and a remote-write URL with a
 * password: the canary is in the Secret and nowhere else, in no form, not in the ConfigMap, not
 * anywhere inside the k6 archive (its scripts and its metadata.json, which embeds the --env values),
 * not in the TestRun; the manifests pass the TestRun CRD check. Then the archive runs as a runner
 * would (`k6 run archive.tar`) against the reference stack: with the Secret's values in its
 * environment it logs in and passes; without them setup stops and names what is missing.
 */
const CANARY = `pw-${randomBytes(6).toString('hex')}`;
const forms = [CANARY, Buffer.from(CANARY).toString('base64'), encodeURIComponent(CANARY)];
/** The shipped catalog's own password must not ride along either (a default written into script code would). */
const SHIPPED = loginCredentials(resolveCatalog(loadCatalog(), 'staging', {}))['LOGIN_PASSWORD']!;
let dir: string;
let catalog: string;
let stack: RunningStack;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'load-k8s-'));
  catalog = join(dir, 'tracseq.yaml');
  const text = await readFile(DEFAULT_CATALOG_PATH, 'utf8');
  expect(text).toContain('password: admin123');
  await writeFile(catalog, text.replace('password: admin123', `password: ${CANARY}`));
  // The catalog's JSON Schema files sit beside it, named by relative path: they come along.
  await cp(join(dirname(DEFAULT_CATALOG_PATH), 'tracseq'), join(dir, 'tracseq'), { recursive: true });
  stack = await startLoadStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function manifests(args: string[], options: { env?: Record<string, string>; catalog?: string } = {}): Promise<Manifests> {
  const out = join(dir, `${args.join('-').replace(/[^\w-]/g, '')}.yaml`);
  const run = await runCli([...(options.catalog ? ['--catalog', options.catalog] : []), 'load', 'k8s', ...args, '--out', out], { env: options.env ?? {}, timeoutMs: 60_000 });
  expect(run.code, run.stderr).toBe(0);
  const docs = parseAllDocuments(await readFile(out, 'utf8')).map((d) => d.toJSON() as { kind: string });
  const kind = <T>(k: string) => docs.find((d) => d.kind === k) as T;
  return { secret: kind('Secret'), configMap: kind('ConfigMap'), testRun: kind('TestRun') };
}

async function unpack(m: Manifests, name: string): Promise<{ dir: string; files: string[]; metadata: { env?: Record<string, string> } }> {
  const to = join(dir, name);
  const tar = join(dir, `${name}.tar`);
  await writeFile(tar, Buffer.from(m.configMap.binaryData['archive.tar']!, 'base64'));
  await mkdir(to, { recursive: true });
  const untar = await runChild({ command: 'tar', args: ['-xf', tar, '-C', to], label: 'tar', timeoutMs: 30_000 });
  expect(untar.code, untar.tail).toBe(0);
  return { dir: to, files: filesUnder(to), metadata: JSON.parse(await readFile(join(to, 'metadata.json'), 'utf8')) as { env?: Record<string, string> } };
}

describe('load k8s', () => {
  it('puts the login password and a remote-write password in a Secret only: not in the ConfigMap, the archive or the TestRun', async () => {
    const rw = `http://k6:${CANARY}@prometheus.staging.tracseq.internal:9090/api/v1/write`;
    for (const scenario of [['load', '--endpoints'], ['endpoints']]) {
      const m = await manifests([...scenario, '--env', 'staging', '--instances', '2', '--prometheus-rw', rw], { catalog });
      expect(manifestProblems(m), scenario.join(' ')).toEqual([]);
      const secretValues = Object.values(m.secret!.data).map((v) => Buffer.from(v, 'base64').toString());
      expect(secretValues).toContain(CANARY);
      expect(secretValues).toContain(rw);
      for (const form of forms) expect(JSON.stringify([m.configMap, m.testRun]), `${scenario.join(' ')}: ${form}`).not.toContain(form);
      const env = m.testRun.spec.runner.env ?? [];
      expect(env.find((e) => e.name === 'LOGIN_PASSWORD')).toEqual({ name: 'LOGIN_PASSWORD', valueFrom: { secretKeyRef: { name: m.secret!.metadata.name, key: 'LOGIN_PASSWORD' } } });
      expect(env.find((e) => e.name === 'K6_PROMETHEUS_RW_SERVER_URL')?.valueFrom).toBeDefined();

      const archive = await unpack(m, scenario[0]!);
      expect(archive.files).toContain('metadata.json');
      expect(Object.keys(archive.metadata.env ?? {}).filter((k) => k.startsWith('LOGIN_') || k.startsWith('K6_PROMETHEUS'))).toEqual([]);
      if (scenario.includes('--endpoints') || scenario[0] === 'endpoints') expect(archive.metadata.env?.['PLAN']).toContain('"secrets":{"password":"LOGIN_PASSWORD"}');
      for (const file of archive.files) {
        const text = (await readFile(join(archive.dir, file))).toString('latin1');
        for (const form of [...forms, SHIPPED]) expect(text.includes(form), `${scenario.join(' ')}: ${file} holds the credential (${form})`).toBe(false);
      }
    }
  }, 120_000);

  it('the archive takes the credentials from the runner environment, as the TestRun gives them', async () => {
    // The shipped catalog, whose login the stack's users accept: the runner gets exactly what the Secret holds.
    const m = await manifests(['load', '--env', 'local', '--instances', '1', '--rate', '20', '--ramp', '1s', '--duration', '2s', '--vus', '10'], { env: stack.env });
    const archive = join(dir, 'run.tar');
    await writeFile(archive, Buffer.from(m.configMap.binaryData['archive.tar']!, 'base64'));
    const secret = Object.fromEntries(Object.entries(m.secret!.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
    expect(Object.keys(secret).sort()).toEqual(['LOGIN_EMAIL', 'LOGIN_PASSWORD']);
    const k6 = locateK6(PROJECT_ROOT, process.env, undefined);
    const run = (env: Record<string, string>) => runK6(k6, ['run', '-q', '--no-usage-report', archive], {
      env: { PATH: process.env['PATH'] ?? '', ...env }, signal: AbortSignal.timeout(60_000), onLine: () => {}, graceMs: 5_000,
    });
    const withSecret = await run(secret);
    expect(withSecret.code, withSecret.tail.slice(-1500)).toBe(0);
    const without = await run({});
    expect(without.code).toBe(108);
    expect(without.tail).toMatch(/setup: the journeys log in with --env LOGIN_EMAIL and --env LOGIN_PASSWORD/);
  }, 120_000);
});
