import { copyFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEdges } from '../core/catalog/edges.ts';
import { DEFAULT_CATALOG_PATH, loadCatalog, parseCatalog } from '../core/catalog/load.ts';
import { resolveCatalog } from '../core/catalog/resolve.ts';
import type { Catalog } from '../core/catalog/schema.ts';
import type { SuiteContext } from '../core/suite.ts';
import { startStack, type RunningStack } from '../stack/launcher.ts';
import { runCli } from '../test/helpers/cli.ts';
import { busDescription, HTTP, MESSAGES } from './interactions.ts';
import { readMatrix } from './matrix/matrix-store.ts';
import { runContracts } from './run.ts';

const PROVIDERS = ['auth-service', 'sample-service', 'storage-service', 'sequencing-service', 'notification-service'];
const catalog = loadCatalog();
let stack: RunningStack;
let dir: string;
let pacts: string;
let matrix: string;

function context(cat: Catalog = catalog, runId = `run-${Date.now()}`): SuiteContext {
  const env = { ...process.env, ...stack.env, TRACSEQ_REPORTS_DIR: join(dir, 'reports') };
  return { resolved: resolveCatalog(cat, 'local', env), runId, reportDir: join(dir, 'reports', runId), signal: new AbortController().signal, log: () => {}, env, now: () => new Date() };
}

function verifyCli(args: string[], from = pacts) {
  const env = { ...stack.env, TRACSEQ_REPORTS_DIR: join(dir, 'reports'), PACT_BROKER_BASE_URL: '' };
  return runCli(['contracts', 'verify', '--env', 'local', '--pacts', from, '--matrix', join(dir, 'cli-matrix.json'), ...args], { env, timeoutMs: 100_000 });
}

/** The regenerated pacts with three pairs replaced by V2 and V3 files of other Pact implementations, plus a V2 pact of a UI outside the catalog. */
async function mixedVersionPacts(): Promise<string> {
  const mixed = join(dir, 'mixed-pacts');
  await rm(mixed, { recursive: true, force: true });
  await cp(pacts, mixed, { recursive: true });
  const fixtures: [string, string | undefined][] = [
    ['v2-api-gateway-sample-service.json', 'api-gateway-sample-service.json'],
    ['v3-transaction-service-sample-service.json', 'transaction-service-sample-service.json'],
    ['v3-notification-service-sequencing-service.json', 'notification-service-sequencing-service.json'],
    ['v2-lab-ui-auth-service.json', undefined],
  ];
  for (const [fixture, replaces] of fixtures) {
    if (replaces) await rm(join(mixed, replaces));
    await copyFile(new URL(`../testdata/pacts/${fixture}`, import.meta.url), join(mixed, fixture));
  }
  return mixed;
}

function askCanIDeploy(version: string) {
  return runCli(['contracts', 'can-i-deploy', '--pacticipant', 'sample-service', '--version', version, '--to-environment', 'local', '--matrix', matrix]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contracts-int-'));
  pacts = join(dir, 'pacts');
  matrix = join(dir, 'matrix.json');
  stack = await startStack({ portBase: 0, catalog, services: [...PROVIDERS, 'event-service'], startTimeoutMs: 100_000 });
}, 150_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the contracts suite against the reference stack', () => {
  it('passes on a healthy stack: pacts regenerated, every edge covered, every interaction verified, the matrix recorded', async () => {
    const result = await runContracts(context(catalog, 'healthy-run'), { pactsDir: pacts, consumerVersion: 'healthy', providerVersion: 'healthy', matrixFile: matrix });
    const failed = result.checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.id}: ${c.failure?.message}`);
    expect(failed).toEqual([]);
    expect(result.outcome).toBe('pass');
    const coverage = result.checks.filter((c) => c.id.startsWith('contracts.coverage.'));
    expect(coverage).toHaveLength(catalogEdges(catalog).length);
    const verified = result.checks.filter((c) => c.id.startsWith('contracts.verify.'));
    expect(verified.length).toBe(Object.keys(HTTP).length + 8);
    // The catalog's examples (get-sample, create-sample, sequencing.job_completed) generate nothing: their hand-written cases win.
    expect(verified.filter((c) => c.name.endsWith('(generated)'))).toEqual([]);
    const rows = (await readMatrix(matrix)) ?? [];
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.success && r.providerVersion === 'healthy' && r.environment === 'local')).toBe(true);
    const written = JSON.parse(await readFile(join(dir, 'reports', 'healthy-run', 'contracts-matrix.json'), 'utf8')) as { rows: unknown[] };
    expect(written.rows).toHaveLength(12);
    expect(result.data?.timings).toMatchObject({ consumerMs: expect.any(Number), verifyMs: expect.any(Number) });
  }, 300_000);

  it('verifies from the CLI with `contracts verify --env local` (exit 0) and writes the report', async () => {
    const run = await verifyCli([]);
    expect(run.stdout).toMatch(/^contracts +pass +\d+ +0 +0 +0 +0 /m);
    expect(run.stdout).toMatch(/^verdict: PASS {2}exit 0 /m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('verifies V2 and V3 pacts of other Pact implementations like V4 ones (exit 0), a consumer outside the catalog included, and counts them in coverage', async () => {
    const mixed = await mixedVersionPacts();
    const run = await verifyCli([], mixed);
    expect(run.stdout).toMatch(/^verdict: PASS {2}exit 0 /m);
    expect(run.code).toBe(0);
    const coverage = await runCli(['contracts', 'coverage', '--pacts', mixed]);
    expect(coverage.code).toBe(0);
    expect(coverage.stdout.match(/^ {2}ok {3}/gm)).toHaveLength(catalogEdges(catalog).length);
    expect(coverage.stdout).toContain('  ok   api-gateway -> sample-service (http: get-sample): 1 interaction');
    expect(coverage.stdout).toContain('  ok   notification-service -> sequencing-service (message: sequencing.job_completed): 1 interaction');
    expect(coverage.stdout).toContain(`  --   ${join(mixed, 'v2-lab-ui-auth-service.json')}: consumer lab-ui is not a catalog service (not counted)`);
  }, 180_000);

  it('fails V2 and V3 pacts (exit 1) when their provider drifts, naming the interactions', async () => {
    await stack.setFaults('sample-service', { drift: true });
    try {
      const run = await verifyCli(['--provider', 'sample-service'], await mixedVersionPacts());
      expect(run.stdout).toContain('FAIL contracts api-gateway->sample-service api-gateway -> sample-service: get-sample: the gateway fetches one sample');
      expect(run.stdout).toContain('FAIL contracts transaction-service->sample-service transaction-service -> sample-service: saga-create-sample: the saga registers a sample without storage');
      expect(run.code).toBe(1);
    } finally {
      await stack.setFaults('sample-service', { drift: false });
    }
  }, 120_000);

  it('fails `contracts verify` (exit 1) under notification-service drift, naming consumer, provider and interaction', async () => {
    await stack.setFaults('notification-service', { drift: true });
    try {
      const run = await verifyCli(['--provider', 'notification-service']);
      expect(run.stdout).toContain(`FAIL contracts sequencing-service->notification-service sequencing-service -> notification-service: ${HTTP.sendNotification}`);
      expect(run.stdout).toContain('Actual map is missing the following keys: id');
      expect(run.code).toBe(1);
    } finally {
      await stack.setFaults('notification-service', { drift: false });
    }
  }, 120_000);

  it('answers can-i-deploy yes for the healthy version from the recorded matrix', async () => {
    const answer = await askCanIDeploy('healthy');
    expect(answer.stdout).toMatch(/^yes: all 5 integrations verified$/m);
    expect(answer.code).toBe(0);
  }, 60_000);

  const drifts: [string, string, string[]][] = [
    ['auth-service', 'valid', [`api-gateway -> auth-service: ${HTTP.validateToken}`]],
    ['sample-service', 'barcode', [
      `api-gateway -> sample-service: ${HTTP.listSamples}`,
      `api-gateway -> sample-service: ${HTTP.getSample}`,
      `api-gateway -> sample-service: ${HTTP.createSample}`,
      `transaction-service -> sample-service: ${HTTP.sagaCreateSample}`,
    ]],
    ['storage-service', 'location_id', [
      `sample-service -> storage-service: ${HTTP.assignLocation}`,
      `sample-service -> storage-service: ${MESSAGES.locationAssigned}`,
      `transaction-service -> storage-service: ${HTTP.sagaAssignStorage}`,
      `event-service -> storage-service: ${busDescription('storage.location_assigned')}`,
    ]],
    ['sequencing-service', 'status', [
      `event-service -> sequencing-service: ${busDescription('sequencing.job_completed')}`,
      `notification-service -> sequencing-service: ${MESSAGES.jobCompleted}`,
      `sample-service -> sequencing-service: ${HTTP.submitJob}`,
      `sample-service -> sequencing-service: ${MESSAGES.jobCompleted}`,
      `transaction-service -> sequencing-service: ${HTTP.sagaSubmitJob}`,
      `transaction-service -> sequencing-service: ${HTTP.sagaCompensateJob}`,
    ]],
    ['notification-service', 'id', [`sequencing-service -> notification-service: ${HTTP.sendNotification}`]],
  ];

  it.each(drifts)('fails verification of %s under its drift fault, naming each broken interaction and the %s field', async (provider, field, expected) => {
    await stack.setFaults(provider, { drift: true });
    try {
      const result = await runContracts(context(), { pactsDir: pacts, useExistingPacts: true, providers: [provider], consumerVersion: 'healthy', providerVersion: `drifted-${provider}`, matrixFile: matrix });
      expect(result.outcome).toBe('fail');
      const failed = result.checks.filter((c) => c.outcome === 'fail');
      expect(failed.map((c) => c.name).sort()).toEqual([...expected].sort());
      for (const check of failed) {
        const [consumer] = check.name.split(' -> ');
        expect(check.failure?.kind).toBe('contract-mismatch');
        expect(check.failure?.message).toContain(`${consumer} -> ${provider} "`);
        expect(check.failure?.message).toContain(field);
        expect(check.failure?.diff).toBeTruthy();
      }
      expect(result.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'fail')).toEqual([]);
    } finally {
      await stack.setFaults(provider, { drift: false });
    }
  }, 180_000);

  it('answers can-i-deploy no for the drifted provider version, and no for a consumer whose provider in play drifted', async () => {
    const drifted = await askCanIDeploy('drifted-sample-service');
    expect(drifted.stdout).toMatch(/FAIL api-gateway -> sample-service \(as provider\): verification failed \(3\/3 interactions\)/);
    expect(drifted.code).toBe(1);
    const healthy = await askCanIDeploy('healthy');
    expect(healthy.stdout).toMatch(/FAIL sample-service -> storage-service \(as consumer\): .* against storage-service@drifted-storage-service in local/);
    expect(healthy.code).toBe(1);
  }, 60_000);

  it('is inconclusive, never a pass, when a provider does not answer at its resolved URL', async () => {
    const base = context();
    const env = { ...base.env, NOTIFICATION_SERVICE_URL: 'http://127.0.0.1:1' };
    const result = await runContracts({ ...base, env, resolved: resolveCatalog(catalog, 'local', env) }, { pactsDir: pacts, useExistingPacts: true, providers: ['notification-service'], matrixFile: join(dir, 'unreachable-matrix.json') });
    expect(result.outcome).toBe('inconclusive');
    const [check] = result.checks.filter((c) => c.id.startsWith('contracts.verify.'));
    expect(check).toMatchObject({ outcome: 'inconclusive', failure: { kind: 'connection-refused' } });
    expect(check?.failure?.message).toBe(`sequencing-service -> notification-service "${HTTP.sendNotification}": not verified: notification-service unreachable: connection refused by 127.0.0.1:1 (ECONNREFUSED)`);
    expect(await readMatrix(join(dir, 'unreachable-matrix.json'))).toBeUndefined();
  }, 60_000);

  it('fails coverage, naming the edge, when the catalog gains a dependency that has no pact', async () => {
    const text = (await readFile(new URL('../catalog/tracseq.yaml', import.meta.url), 'utf8')).replace(
      '        - { to: sequencing-service, name: submit-job, method: POST, path: /api/v1/sequencing/jobs }',
      '        - { to: sequencing-service, name: submit-job, method: POST, path: /api/v1/sequencing/jobs }\n        - { to: template-service, name: fetch-template, method: GET, path: /api/v1/templates }',
    );
    const modified = parseCatalog(text, DEFAULT_CATALOG_PATH); // read as the shipped file, so its schema paths resolve beside it
    const result = await runContracts(context(modified), { pactsDir: pacts, useExistingPacts: true, providers: ['template-service'], matrixFile: matrix });
    expect(result.outcome).toBe('fail');
    expect(result.checks.filter((c) => c.outcome === 'fail').map((c) => c.failure?.message)).toEqual([
      'catalog edge sample-service -> template-service (http: fetch-template) [GET /api/v1/templates] has no pact interaction',
    ]);
  }, 60_000);
});
