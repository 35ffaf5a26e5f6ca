import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import { HealthDetailedSchema } from '../core/health-detailed.ts';
import { SIMULATED_DATABASE } from './runtime/service-database.ts';
import { valid } from './testing/catalog-schemas.ts';

type Sample = { id: string; barcode: string; status: string; storage_location_id: string | null };
import { startStack, type RunningStack } from './launcher.ts';
import { call, eventually, isAlive, loginToken, promtoolCheck } from './testing/http.ts';

const catalog = loadCatalog();
const http = catalog.services.filter((s) => s.kind === 'http');
let stack: RunningStack;
let token: string;

beforeAll(async () => {
  stack = await startStack({ portBase: 0, startTimeoutMs: 100_000 });
  token = await loginToken(stack.urls['api-gateway']!);
}, 150_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the reference stack on free ports', () => {
  it('starts every catalog http service on its own OS-chosen loopback port', () => {
    expect(Object.keys(stack.urls).sort()).toEqual(http.map((s) => s.id).sort());
    expect(new Set(Object.values(stack.urls)).size).toBe(http.length);
    for (const url of Object.values(stack.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.env['API_GATEWAY_URL']).toBe(stack.urls['api-gateway']);
    expect(stack.env['SAMPLE_SERVICE_URL']).toBe(stack.urls['sample-service']);
  });

  it.each(http.map((s) => [s.id]))('%s answers /health (and /health/detailed where the catalog lists it) as healthy', async (id) => {
    const service = http.find((s) => s.id === id)!;
    const health = await call(`${stack.urls[id]}${service.health?.path ?? '/health'}`);
    expect(health.status, JSON.stringify(health.body)).toBe(200);
    expect(valid('health.json', health.body)).toMatchObject({ status: 'healthy', service: id });
    if (service.health?.detailed) {
      const detailed = await call(`${stack.urls[id]}${service.health.detailed}`);
      expect(detailed.status, JSON.stringify(detailed.body)).toBe(200);
      const body = HealthDetailedSchema.parse(detailed.body);
      expect(body.status).toBe('healthy');
      // Started without PostgreSQL: a service that keeps data says its store is simulated.
      const usesPostgres = service.dependencies.infrastructure.some((d) => d.id === 'postgres');
      expect(body.dependencies['database']?.target).toBe(usesPostgres ? SIMULATED_DATABASE : undefined);
    }
  });

  it.each(http.flatMap((s) => s.endpoints.map((e) => [s.id, e.name] as const)))('%s answers its key endpoint %s with the catalog schema', async (id, name) => {
    const endpoint = http.find((s) => s.id === id)!.endpoints.find((e) => e.name === name)!;
    const answer = await call(`${stack.urls[id]}${endpoint.path}`, { method: endpoint.method as 'GET' | 'POST', ...(endpoint.auth ? { token } : {}), ...(endpoint.body ? { body: endpoint.body } : {}) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(endpoint.status);
    const issues = catalogSchemas(catalog).get(endpoint.schema!).check(answer.body);
    expect(issues).toEqual([]);
  });

  it.each(http.map((s) => [s.id]))('%s serves /metrics that pass promtool and name every metric the catalog requires', async (id) => {
    await call(`${stack.urls[id]}/health`);
    const metrics = await call(`${stack.urls[id]}/metrics`);
    expect(metrics.status).toBe(200);
    const text = String(metrics.body);
    const check = await promtoolCheck(text);
    expect(check.ok, check.output).toBe(true);
    for (const name of http.find((s) => s.id === id)!.metrics?.required ?? []) expect(text).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    expect(text).toMatch(new RegExp(`http_requests_total\\{method="GET",route="/health",status="200",service="${id}"\\}`));
  });

  it('logs in, creates a sample and reads it back through the gateway', async () => {
    const gateway = stack.urls['api-gateway']!;
    const created = await call(`${gateway}/api/v1/samples`, { method: 'POST', token, body: { sample_type: 'blood', barcode: 'TS-INT-0001' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sample = valid<Sample>('sample.json', created.body);
    expect(sample).toMatchObject({ barcode: 'TS-INT-0001', status: 'stored' });
    expect(sample.storage_location_id).toMatch(/^loc-/);
    const read = await call(`${gateway}/api/v1/samples/${sample.id}`, { token });
    expect(read.status).toBe(200);
    expect(valid<Sample>('sample.json', read.body).id).toBe(sample.id);
    const list = valid<{ total: number; data: Array<{ id: string }> }>('sample-list.json', (await call(`${gateway}/api/v1/samples`, { token })).body);
    expect(list.data.map((s) => s.id)).toContain(sample.id);
    const metrics = String((await call(`${stack.urls['sample-service']}/metrics`)).body);
    expect(metrics).toContain('route="/api/v1/samples/:id"');
    expect(metrics).not.toContain(sample.id);
  });

  it('refuses requests without a valid token at the gateway', async () => {
    const gateway = stack.urls['api-gateway']!;
    expect((await call(`${gateway}/api/v1/samples`)).status).toBe(401);
    expect((await call(`${gateway}/api/v1/samples`, { token: `${token}x` })).status).toBe(401);
  });

  it('carries a sample through storage, sequencing, events and notifications', async () => {
    const gateway = stack.urls['api-gateway']!;
    const sample = valid<Sample>('sample.json', (await call(`${gateway}/api/v1/samples`, { method: 'POST', token, body: { sample_type: 'dna' } })).body);
    const sequencing = await call(`${gateway}/api/v1/samples/${sample.id}/sequence`, { method: 'POST', token, body: {} });
    expect(sequencing.status, JSON.stringify(sequencing.body)).toBe(202);
    const sequenced = await eventually(async () => (valid<Sample>('sample.json', (await call(`${gateway}/api/v1/samples/${sample.id}`, { token })).body)).status === 'sequenced');
    expect(sequenced).toBe(true);
    const events = (await call(`${stack.urls['event-service']}/api/v1/events`)).body as { data: { topic: string; payload: { sample_id?: string } }[] };
    const topics = events.data.filter((e) => e.payload.sample_id === sample.id).map((e) => e.topic);
    expect(topics).toEqual(expect.arrayContaining(['storage.location_assigned', 'sample.created', 'sequencing.job_submitted', 'sequencing.job_completed']));
    const notifications = (await call(`${stack.urls['notification-service']}/api/v1/notifications`)).body as { data: { channel: string; body: string }[] };
    expect(notifications.data.filter((n) => n.body.includes(sample.id)).map((n) => n.channel).sort()).toEqual(['email', 'teams']);
    expect((await call(`${stack.urls['event-service']}/api/v1/events/dead-letter`)).body).toMatchObject({ total: 0 });
  });

  it('runs the transaction saga to completion across sample, storage and sequencing', async () => {
    const answer = await call(`${stack.urls['api-gateway']}/api/v1/transactions`, { method: 'POST', token, body: { sample: { sample_type: 'rna' } } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ status: 'completed', steps: ['create-sample', 'assign-storage', 'submit-job'] });
  });

  it('dead-letters an event its consumer cannot read (storage drift renames location_id)', async () => {
    await stack.setFaults('storage-service', { drift: true });
    try {
      const created = await call(`${stack.urls['api-gateway']}/api/v1/samples`, { method: 'POST', token, body: { sample_type: 'blood' } });
      expect(created.status).toBe(502);
      const dlq = `${stack.urls['event-service']}/api/v1/events/dead-letter`;
      expect(await eventually(async () => ((await call(dlq)).body as { total: number }).total > 0)).toBe(true);
      const entry = ((await call(dlq)).body as { data: { topic: string; subscriber: string; error: string; attempts: number }[] }).data[0];
      expect(entry).toMatchObject({ topic: 'storage.location_assigned', consumer: 'sample-service', subscriber: `${stack.urls['sample-service']}/api/v1/events/inbox`, attempts: 3 });
      expect(entry?.error).toContain('location_id');
      expect(String((await call(`${stack.urls['event-service']}/metrics`)).body)).toMatch(/^event_bus_dead_letter_queue_size\{consumer="sample-service",service="event-service"\} [1-9]/m);
    } finally {
      await stack.setFaults('storage-service', { drift: false });
    }
  });

  it('aggregates downstream health at the gateway', async () => {
    const health = await call(`${stack.urls['api-gateway']}/health`);
    expect(health.status).toBe(200);
    const services = (health.body as { services: Record<string, string> }).services;
    expect(Object.keys(services).sort()).toEqual(http.map((s) => s.id).filter((id) => id !== 'api-gateway').sort());
    expect(new Set(Object.values(services))).toEqual(new Set(['healthy']));
  });

  it('answers admin endpoints on loopback: faults, reset and produce', async () => {
    const sample = stack.urls['sample-service']!;
    expect((await call(`${sample}/__admin/faults`)).body).toMatchObject({ latencyMs: 0, drift: false });
    const produced = await call(`${sample}/__admin/produce`, { method: 'POST', body: { event: 'sample.created', data: { id: 's-1', barcode: 'B-1' } } });
    expect(produced.body).toMatchObject({ sample_id: 's-1', barcode: 'B-1' });
    expect((await call(`${sample}/__admin/produce`, { method: 'POST', body: { event: 'nope' } })).status).toBe(404);
    expect((await call(`${sample}/__admin/faults`, { method: 'PUT', body: { latencyMs: -1 } })).status).toBe(400);
    await stack.admin('sample-service', 'reset');
    expect(valid<{ total: number; data: Array<{ id: string }> }>('sample-list.json', (await call(`${sample}/api/v1/samples`)).body).total).toBe(0);
  });

  it('stops every child process and is idempotent', async () => {
    const pids = [...stack.pids];
    expect(pids.length).toBe(http.length);
    expect(pids.every(isAlive)).toBe(true);
    await stack.stop();
    await stack.stop();
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
