import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { HealthDetailedSchema } from '../core/health-detailed.ts';
import { tracseqSchema, valid } from './testing/catalog-schemas.ts';
import { NO_FAULTS } from './faults/faults.ts';
import { parseFaultSpec, startStack, type RunningStack } from './launcher.ts';
import { call, isAlive, loginToken } from './testing/http.ts';

const catalog = loadCatalog();
const SERVICES = ['api-gateway', 'auth-service', 'sample-service', 'storage-service', 'sequencing-service', 'transaction-service', 'event-service', 'rag-service'];
const START_FAULTS = ['rag-service:down', 'event-service:exit-at-start', 'sample-service:latency=250ms'];
let stack: RunningStack;
let token: string;
const url = (id: string) => stack.urls[id]!;

beforeAll(async () => {
  stack = await startStack({ portBase: 0, services: SERVICES, faults: START_FAULTS.map((f) => parseFaultSpec(f, catalog)), startTimeoutMs: 100_000 });
  token = await loginToken(url('api-gateway'));
}, 150_000);

afterAll(async () => {
  await stack?.stop();
});

describe('faults given at start', () => {
  it('down: the service is not started and its URL refuses connections', async () => {
    expect(stack.started).not.toContain('rag-service');
    expect(stack.processes().map((p) => p.id)).not.toContain('rag-service');
    await expect(call(`${url('rag-service')}/health`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('exit-at-start: the service starts, exits 0 at once, and its URL refuses connections', async () => {
    const event = stack.processes().find((p) => p.id === 'event-service');
    expect(event).toMatchObject({ running: false, exitCode: 0 });
    expect(isAlive(event!.pid)).toBe(false);
    await expect(call(`${url('event-service')}/health`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('an unreachable event bus shows in /health/detailed and the gateway is degraded, not down', async () => {
    const detailed = await call(`${url('sample-service')}/health/detailed`);
    expect(detailed.status).toBe(503);
    expect(HealthDetailedSchema.parse(detailed.body).dependencies['event-service']).toMatchObject({ status: 'unhealthy', target: url('event-service') });
    const gateway = await call(`${url('api-gateway')}/health`);
    expect(gateway.status).toBe(200);
    expect(gateway.body).toMatchObject({ status: 'degraded', services: { 'event-service': 'unhealthy', 'rag-service': 'unhealthy', 'sample-service': 'healthy' } });
  });

  it('latency given at start delays every sample-service request until it is cleared', async () => {
    const slow = await call(`${url('sample-service')}/api/v1/samples`);
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(245);
    await stack.setFaults('sample-service', { latencyMs: 0 });
    expect(((await call(`${url('sample-service')}/__admin/faults`)).body as { latencyMs: number }).latencyMs).toBe(0);
  });
});

describe('faults set at run time', () => {
  afterEach(async () => {
    for (const id of stack.started) await stack.setFaults(id, NO_FAULTS);
  });

  it('errors: /api answers 500 at the given rate while /health stays 200, and metrics count the 500s', async () => {
    await stack.setFaults('sample-service', { errorRate: 1 });
    expect((await call(`${url('sample-service')}/api/v1/samples`)).status).toBe(500);
    expect((await call(`${url('sample-service')}/health`)).status).toBe(200);
    expect(String((await call(`${url('sample-service')}/metrics`)).body)).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/samples",status="500",service="sample-service"\} [1-9]/);
  });

  it('health-lies: /health and /health/detailed answer 503 while the API works', async () => {
    await stack.setFaults('storage-service', { healthLies: true });
    expect((await call(`${url('storage-service')}/health`)).status).toBe(503);
    expect((await call(`${url('storage-service')}/health/detailed`)).status).toBe(503);
    expect((await call(`${url('storage-service')}/api/v1/storage/locations`)).status).toBe(200);
  });

  it('bad-dependency: dependencies and the database point at 127.0.0.1:1; detailed health names them and the API answers 503', async () => {
    await stack.setFaults('sample-service', { badDependency: true });
    const detailed = await call(`${url('sample-service')}/health/detailed`);
    expect(detailed.status).toBe(503);
    const deps = HealthDetailedSchema.parse(detailed.body).dependencies;
    expect(deps['database']).toMatchObject({ status: 'unhealthy', target: 'postgresql://tracseq_admin@127.0.0.1:1/tracseq_prod', error: expect.stringContaining('ECONNREFUSED') });
    expect(deps['storage-service']).toMatchObject({ status: 'unhealthy', target: 'http://127.0.0.1:1' });
    expect((await call(`${url('sample-service')}/health`)).status).toBe(200);
    const api = await call(`${url('sample-service')}/api/v1/samples`);
    expect(api.status).toBe(503);
    expect(api.body).toMatchObject({ error: expect.stringContaining('127.0.0.1:1') });
  });

  it('drift on sample-service: barcode becomes bar_code in responses and in its events', async () => {
    const created = valid<{ id: string; barcode: string }>('sample.json', (await call(`${url('api-gateway')}/api/v1/samples`, { method: 'POST', token, body: { sample_type: 'blood' } })).body);
    await stack.setFaults('sample-service', { drift: true });
    const read = (await call(`${url('sample-service')}/api/v1/samples/${created.id}`)).body as Record<string, unknown>;
    expect(read['bar_code']).toBe(created.barcode);
    expect(read).not.toHaveProperty('barcode');
    expect(tracseqSchema('sample-list.json').check((await call(`${url('sample-service')}/api/v1/samples`)).body)).not.toEqual([]);
    expect(await stack.admin('sample-service', 'produce', { event: 'sample.created' })).toHaveProperty('bar_code');
  });

  it('drift on storage-service: its consumer (sample-service) can no longer read assignments', async () => {
    await stack.setFaults('storage-service', { drift: true });
    const created = await call(`${url('api-gateway')}/api/v1/samples`, { method: 'POST', token, body: { sample_type: 'blood' } });
    expect(created.status).toBe(502);
    expect(created.body).toMatchObject({ error: expect.stringContaining('location_id') });
  });

  it('creep: added latency grows with time since the fault was set', async () => {
    await stack.setFaults('storage-service', { creepMsPerMin: 60_000 });
    const first = await call(`${url('storage-service')}/api/v1/storage/locations`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = await call(`${url('storage-service')}/api/v1/storage/locations`);
    expect(later.status).toBe(200);
    expect(later.ms).toBeGreaterThanOrEqual(380);
    expect(later.ms).toBeGreaterThan(first.ms + 150);
  });

  it('metrics-missing: /metrics answers 404 while the API works', async () => {
    await stack.setFaults('auth-service', { metricsMissing: true });
    expect((await call(`${url('auth-service')}/metrics`)).status).toBe(404);
    expect((await call(`${url('auth-service')}/health`)).status).toBe(200);
  });

  it('a failing saga step compensates the earlier steps in reverse', async () => {
    await stack.setFaults('sequencing-service', { errorRate: 1 });
    const answer = await call(`${url('api-gateway')}/api/v1/transactions`, { method: 'POST', token, body: { sample: { sample_type: 'rna' } } });
    expect(answer.status).toBe(502);
    const tx = answer.body as { status: string; steps: string[]; sample_id: string; assignment_id: string };
    expect(tx.status).toBe('compensated');
    expect(tx.steps).toEqual(['create-sample', 'assign-storage', 'submit-job:failed', 'compensate:assign-storage', 'compensate:create-sample']);
    expect((await call(`${url('sample-service')}/api/v1/samples/${tx.sample_id}`)).status).toBe(404);
    expect((await call(`${url('storage-service')}/api/v1/storage/assignments/${tx.assignment_id}`)).status).toBe(404);
    expect(String((await call(`${url('transaction-service')}/metrics`)).body)).toMatch(/^saga_failed_transactions\{service="transaction-service"\} 1$/m);
  });

  it('rejects a bad fault setting with the field named', async () => {
    await expect(stack.setFaults('sample-service', { errorRate: 2 })).rejects.toThrow(/errorRate/);
  });
});
