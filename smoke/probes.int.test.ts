import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import type { Check } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import { freePort } from '../infra/free-port.ts';
import { answering, httpServer, tcpServer, type Loopback } from '../test/helpers/loopback-server.ts';
import { runSmoke } from './run.ts';
import type { Lookup } from './replicas.ts';

/**
 * Smoke on servers described only by a catalog, over real sockets: a plain-text health page, a TCP
 * listener, an HTTP probe, and a service with three replicas checked one by one.
 */
const dir = mkdtempSync(join(tmpdir(), 'smoke-probes-'));
const servers: Loopback[] = [];
const serve = async (s: Promise<Loopback>) => {
  const started = await s;
  servers.push(started);
  return started;
};
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const CATALOG = `system: probes
catalogVersion: 1
environments:
  local: { urlTemplate: "http://127.0.0.1:{port}" }
services:
  - id: text-service
    port: 1
    health: { path: /-/healthy, body: text, match: "is Healthy" }
  - id: replicated-service
    port: 2
    health: { path: /health, detailed: /health/detailed }
    replicas: { count: 3 }
  - id: cache
    kind: tcp
    port: 3
  - id: heartbeat
    kind: http-probe
    port: 4
    health: { path: /api/v1/heartbeat, field: null, schema: { type: object, minProperties: 1, additionalProperties: { type: number } } }
  - id: user-service
    port: 5
    health: {}
    dependencies: { infrastructure: [{ id: cache }] }
`;
const file = join(dir, 'probes.yaml');
writeFileSync(file, CATALOG);
const catalog = loadCatalog(file);

function ctx(env: Record<string, string>, services: string[]): SuiteContext {
  return { resolved: selectServices(resolveCatalog(catalog, 'local', env), services), runId: 'probes', reportDir: '/nonexistent', signal: new AbortController().signal, log: () => {}, env, now: () => new Date() };
}
const check = (checks: Check[], id: string) => checks.find((c) => c.id === id);
const run = (env: Record<string, string>, services: string[], lookup?: Lookup) => runSmoke(ctx(env, services), { timeoutMs: 5_000, budgetScale: 5, ...(lookup ? { lookup } : {}) });

const healthy = { status: 'healthy', service: 'replicated-service' };
const detailed = { ...healthy, dependencies: { database: { status: 'healthy', target: 'postgres:5432' } } };

describe('health pages that are not TracSeq JSON', () => {
  it('passes a plain-text health page that matches the regex, and fails one that does not, quoting it', async () => {
    const up = await serve(httpServer(answering(200, 'Prometheus Server is Healthy.\n')));
    const starting = await serve(httpServer(answering(200, 'Prometheus Server is starting.\n')));
    expect(check((await run({ TEXT_SERVICE_URL: up.url }, ['text-service'])).checks, 'text-service.health')?.outcome).toBe('pass');
    const failed = check((await run({ TEXT_SERVICE_URL: starting.url }, ['text-service'])).checks, 'text-service.health');
    expect(failed?.failure).toEqual({ kind: 'schema', url: `${starting.url}/-/healthy`, field: '(body)', message: 'body does not match /is Healthy/: Prometheus Server is starting.' });
  });
});

describe('infrastructure probes', () => {
  it('connects to a TCP listener, and names the services that use a closed one', async () => {
    const listener = await serve(tcpServer());
    expect(check((await run({ CACHE_URL: listener.url }, ['cache'])).checks, 'cache.tcp:connect')).toMatchObject({ outcome: 'pass', detail: { connected: `127.0.0.1:${listener.port}` } });
    const closed = `tcp://127.0.0.1:${await freePort()}`;
    const failed = check((await run({ CACHE_URL: closed }, ['cache'])).checks, 'cache.tcp:connect');
    expect(failed?.failure?.kind).toBe('connection-refused');
    expect(failed?.failure?.message).toMatch(/^connection refused by 127\.0\.0\.1:\d+ \(ECONNREFUSED\); used by user-service$/);
  });

  it('judges an HTTP probe by its health expectations (a JSON heartbeat with no state field)', async () => {
    const beat = await serve(httpServer(answering(200, { 'nanosecond heartbeat': 1_700_000_000_000 })));
    const broken = await serve(httpServer(answering(200, { 'nanosecond heartbeat': 'later' })));
    expect(check((await run({ HEARTBEAT_URL: beat.url }, ['heartbeat'])).checks, 'heartbeat.health')?.outcome).toBe('pass');
    expect(check((await run({ HEARTBEAT_URL: broken.url }, ['heartbeat'])).checks, 'heartbeat.health')?.failure).toMatchObject({ kind: 'schema', field: '/nanosecond heartbeat' });
  });
});

describe('replicas, one by one', () => {
  let replicas: Loopback[] = [];
  let sick: Loopback | undefined;
  beforeAll(async () => {
    const route = (req: { url?: string }, res: Parameters<Parameters<typeof httpServer>[0]>[1]) => answering(200, req.url === '/health/detailed' ? detailed : healthy)(req as never, res);
    replicas = await Promise.all([0, 1, 2].map(() => serve(httpServer(route))));
    sick = await serve(httpServer(answering(503, { ...healthy, status: 'unhealthy' })));
  });
  const env = (urls: string[]) => ({ REPLICATED_SERVICE_URL: replicas[0]!.url, REPLICATED_SERVICE_REPLICA_URLS: urls.join(',') });

  it('checks health and detailed health on every replica: "3 of 3 replicas healthy"', async () => {
    const result = await run(env(replicas.map((r) => r.url)), ['replicated-service']);
    expect(result.outcome).toBe('pass');
    for (const name of ['health', 'health-detailed']) {
      expect(check(result.checks, `replicated-service.${name}`)?.detail).toMatchObject({ summary: '3 of 3 replicas healthy', replicas: { healthy: 3, answered: 3, total: 3 } });
    }
  });

  it('fails on one bad replica, naming its URL: "2 of 3 replicas healthy", and still checks the service through its URL', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const result = await run(env([replicas[0]!.url, down, replicas[1]!.url]), ['replicated-service']);
    const health = check(result.checks, 'replicated-service.health');
    expect(health?.outcome).toBe('fail');
    expect(health?.failure?.kind).toBe('connection-refused');
    expect(health?.failure?.message).toMatch(new RegExp(`^2 of 3 replicas healthy; replica ${down}: connection refused by 127\\.0\\.0\\.1:\\d+ \\(ECONNREFUSED\\)$`));
    expect(health?.detail?.['replicas']).toMatchObject({ healthy: 2, answered: 2, total: 3 });
    expect(check(result.checks, 'replicated-service.health-detailed')?.outcome).toBe('fail');
    const unhealthy = await run(env([replicas[0]!.url, replicas[1]!.url, sick!.url]), ['replicated-service']);
    expect(check(unhealthy.checks, 'replicated-service.health')?.failure?.message).toBe(`2 of 3 replicas healthy; replica ${sick!.url}: HTTP 503, expected 200: {"status":"unhealthy","service":"replicated-service"}`);
  });

  it('discovers replicas from every DNS record of the service host, and warns when fewer than the catalog runs answer', async () => {
    const lookups: string[] = [];
    const lookup: Lookup = async (host) => (lookups.push(host), ['127.0.0.1']);
    const catalogFile = join(dir, 'dns.yaml');
    writeFileSync(catalogFile, CATALOG.replace('replicas: { count: 3 }', 'replicas: { count: 3, discover: dns }'));
    const dns = loadCatalog(catalogFile);
    const context = { ...ctx({}, []), resolved: selectServices(resolveCatalog(dns, 'local', { REPLICATED_SERVICE_URL: `http://replicas.test:${replicas[2]!.port}` }), ['replicated-service']) };
    const result = await runSmoke(context, { timeoutMs: 5_000, budgetScale: 5, lookup });
    expect(lookups).toContain('replicas.test');
    const health = check(result.checks, 'replicated-service.health');
    expect(health).toMatchObject({ outcome: 'warn', detail: { summary: '1 of 1 replicas healthy (the catalog expects 3)' } });
    expect(health?.detail?.['replicas']).toMatchObject({ each: [{ url: `http://127.0.0.1:${replicas[2]!.port}`, outcome: 'pass' }] });
  });
});

describe('a PostgreSQL that is down', () => {
  it('fails smoke naming postgres and every TracSeq service that depends on it, with its database', async () => {
    const tracseq = loadCatalog();
    const env = { POSTGRES_URL: `postgresql://tracseq_admin:secret@127.0.0.1:${await freePort()}/tracseq_prod` };
    const context = { ...ctx({}, []), env, resolved: selectServices(resolveCatalog(tracseq, 'local', env), ['postgres']) };
    const result = await runSmoke(context, { timeoutMs: 3_000 });
    const failed = check(result.checks, 'postgres.postgres:select-1');
    expect(failed?.outcome).toBe('fail');
    expect(failed?.failure?.kind).toBe('connection-refused');
    expect(failed?.failure?.url).toMatch(/^postgresql:\/\/tracseq_admin:\*\*\*@127\.0\.0\.1:\d+\/tracseq_prod$/);
    expect(failed?.failure?.message).toMatch(/; used by auth-service \(tracseq_prod\), sample-service \(tracseq_prod\), storage-service \(tracseq_prod\), .*lab-manager \(tracseq_prod\)$/);
    expect(failed?.detail?.['dependents']).toHaveLength(12);
  });
});
