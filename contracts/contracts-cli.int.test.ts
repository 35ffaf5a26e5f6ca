import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/helpers/cli.ts';

let dir: string;
let pacts: string;
let env: NodeJS.ProcessEnv;

/** A loopback port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contracts-cli-'));
  pacts = join(dir, 'pacts');
  env = { TRACSEQ_REPORTS_DIR: join(dir, 'reports'), TRACSEQ_CONTRACTS_MATRIX: join(dir, 'matrix.json'), PACT_BROKER_BASE_URL: '', PACT_BROKER_TOKEN: '' };
  await mkdir(pacts, { recursive: true });
  await writeFile(join(pacts, 'old-consumer-old-provider.json'), '{"stale": true}');
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the contracts CLI', () => {
  it('regenerates the pacts folder from empty with `contracts consumer`', async () => {
    const run = await runCli(['contracts', 'consumer', '--pacts', pacts], { env, timeoutMs: 240_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ consumer tests passed in [\d.]+ s; 12 pact files in /);
    const files = await readdir(pacts);
    expect(files).not.toContain('old-consumer-old-provider.json');
    expect(files).toHaveLength(12);
  }, 300_000);

  it('reports every catalog edge covered with `contracts coverage`', async () => {
    const run = await runCli(['contracts', 'coverage', '--pacts', pacts], { env });
    expect(run.code).toBe(0);
    expect(run.stdout.match(/^ {2}ok {3}/gm)).toHaveLength(21);
  }, 60_000);

  it('fails coverage (exit 1) naming an edge a modified catalog adds without a pact', async () => {
    const { readFile } = await import('node:fs/promises');
    // Copied elsewhere, the catalog names its schema files by absolute path (they stay beside the shipped one).
    const schemas = fileURLToPath(new URL('../catalog/tracseq/schemas/', import.meta.url));
    const text = (await readFile(new URL('../catalog/tracseq.yaml', import.meta.url), 'utf8')).replaceAll('tracseq/schemas/', schemas).replace(
      '        - { to: notification-service, name: send-notification, method: POST, path: /api/v1/notifications }',
      '        - { to: notification-service, name: send-notification, method: POST, path: /api/v1/notifications }\n        - { to: storage-service, name: reserve-rack, method: PUT, path: "/api/v1/storage/racks/{id}" }',
    );
    const catalog = join(dir, 'catalog-with-new-edge.yaml');
    await writeFile(catalog, text);
    const run = await runCli(['--catalog', catalog, 'contracts', 'coverage', '--pacts', pacts], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  FAIL sequencing-service -> storage-service (http: reserve-rack): no pact interaction');
    expect(run.stderr).toMatch(/^error: contracts coverage: 1 uncovered edge\(s\), 0 interaction\(s\) or pact\(s\) with no edge\n {2}sequencing-service -> storage-service \(http: reserve-rack\)\n$/);
  }, 60_000);

  it.each([
    ['verify', ['contracts', 'verify', '--env', 'local']],
    ['coverage', ['contracts', 'coverage']],
  ])('treats an empty pacts folder as no data (exit 3) in `contracts %s`, never a pass', async (_name, args) => {
    const empty = join(dir, `empty-${_name}`);
    await mkdir(empty);
    const run = await runCli([...args, '--pacts', empty], { env });
    expect(run.stderr).toBe(`error: pacts folder ${empty} has no pact files: nothing to verify (run \`tracseq-validate contracts consumer\` first)\n`);
    expect(run.code).toBe(3);
  }, 60_000);

  it.each([
    ['verify', ['contracts', 'verify', '--env', 'local']],
    ['coverage', ['contracts', 'coverage']],
  ])('names the corrupt pact file (exit 2) in `contracts %s`', async (name, args) => {
    const corrupt = join(dir, `corrupt-${name}`);
    await cp(pacts, corrupt, { recursive: true });
    const file = join(corrupt, 'sample-service-storage-service.json');
    await writeFile(file, '{"consumer": {"name": "sample-service"}, "interactions": [');
    const run = await runCli([...args, '--pacts', corrupt], { env });
    expect(run.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON \\(`));
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.code).toBe(2);
  }, 60_000);

  it.each([
    ['verify', ['contracts', 'verify', '--env', 'local']],
    ['coverage', ['contracts', 'coverage']],
  ])('refuses (exit 2) in `contracts %s` a pact whose provider is not a catalog service, naming the file and the provider', async (name, args) => {
    const foreign = join(dir, `foreign-${name}`);
    await cp(pacts, foreign, { recursive: true });
    const file = join(foreign, 'lab-ui-billing-service.json');
    await cp(new URL('../testdata/bad/pacts/unknown-provider/lab-ui-billing-service.json', import.meta.url), file);
    const run = await runCli([...args, '--pacts', foreign], { env });
    expect(run.stderr).toBe(`error: ${file}: provider "billing-service" is not a service of the tracseq catalog\n`);
    expect(run.code).toBe(2);
  }, 60_000);

  it('names the broker and never prints the token when the Pact Broker is unreachable (exit 3)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const token = 'tok-9f8e7d6c5b4a';
    const brokerEnv = { ...env, PACT_BROKER_BASE_URL: url, PACT_BROKER_TOKEN: token };
    const ask = await runCli(['contracts', 'can-i-deploy', '--pacticipant', 'sample-service', '--version', 'abc'], { env: brokerEnv, timeoutMs: 30_000 });
    expect(ask.stderr).toBe(`error: Pact Broker unreachable at ${url}: connection refused by ${url.slice(7)} (ECONNREFUSED)\n`);
    expect(ask.code).toBe(3);
    const verify = await runCli(['contracts', 'verify', '--env', 'local'], { env: brokerEnv, timeoutMs: 30_000 });
    expect(verify.stderr).toContain(`Pact Broker unreachable at ${url}`);
    expect(verify.code).toBe(3);
    for (const out of [ask.stdout, ask.stderr, verify.stdout, verify.stderr]) expect(out).not.toContain(token);
  }, 60_000);

  it('has no answer (exit 3) before any verification was recorded', async () => {
    const run = await runCli(['contracts', 'can-i-deploy', '--pacticipant', 'sample-service', '--version', 'abc', '--matrix', join(dir, 'none.json')], { env });
    expect(run.stderr).toMatch(/^error: can-i-deploy: no verification recorded yet \(.*none\.json does not exist\)/);
    expect(run.code).toBe(3);
  }, 60_000);
});
