import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { NO_FAULTS } from './faults/faults.ts';
import { startStack, type RunningStack } from './launcher.ts';
import { call, eventually, promtoolCheck } from './testing/http.ts';

/**
 * The Nanopore system (seed 002) on the reference stack, from its catalog alone: a router in front of
 * replicated services, each replica its own process; the saga, the bus and its consumers, the dead-letter
 * queue, the database circuit breaker; and the faults that break each. One stack for the whole file.
 */
const catalog = loadCatalog(new URL('../catalog/nanopore.yaml', import.meta.url).pathname);
const submission = catalog.services.find((s) => s.id === 'sample-service')!.endpoints.find((e) => e.name === 'submit-sample')!.body;
let stack: RunningStack;
let router: string;

beforeAll(async () => {
  stack = await startStack({ catalog, portBase: 0, startTimeoutMs: 100_000 });
  router = stack.urls['router']!;
}, 150_000);

afterAll(async () => {
  await stack?.stop();
});

beforeEach(async () => {
  await stack.revive();
  await Promise.all(stack.started.map((id) => stack.setFaults(id, { ...NO_FAULTS })));
  await Promise.all(stack.started.map((id) => stack.admin(id, 'reset')));
});

/** One series' value from a /metrics text (0 when absent). */
async function metric(url: string, series: RegExp): Promise<number> {
  const text = String((await call(`${url}/metrics`)).body);
  const line = text.split('\n').find((l) => series.test(l));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
const submit = () => call(`${router}/api/v1/samples`, { method: 'POST', body: submission });
const deadLetters = async (consumer: string) => metric(stack.urls['event-bus']!, new RegExp(`^event_bus_dead_letter_queue_size\\{consumer="${consumer}"`));

describe('the Nanopore stack', () => {
  it('runs each replica as its own process and lists them as <ID>_REPLICA_URLS', () => {
    const labels = stack.processes().map((p) => p.id);
    expect(labels).toEqual(['router', 'sample-service#1', 'sample-service#2', 'sample-service#3', 'ai-service#1', 'ai-service#2', 'audit-service#1', 'audit-service#2', 'backup-service', 'config-service#1', 'config-service#2', 'event-bus']);
    expect(new Set(stack.pids).size).toBe(12);
    const replicas = stack.env['SAMPLE_SERVICE_REPLICA_URLS']!.split(',');
    expect(replicas).toHaveLength(3);
    expect(new Set(replicas).size).toBe(3);
    expect(stack.env['SAMPLE_SERVICE_URL']).toBe(replicas[0]);
    expect(stack.env['BACKUP_SERVICE_REPLICA_URLS']).toBeUndefined();
    expect(stack.scrapeJobs.find((j) => j.job === 'ai-service')?.targets).toEqual(stack.env['AI_SERVICE_REPLICA_URLS']!.split(','));
  });

  it('routes round-robin over the three sample replicas, and past one that is down', async () => {
    const servedBy = async (n: number) => {
      const seen: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const answer = await call(`${router}/api/v1/samples`);
        expect(answer.status).toBe(200);
        seen.push(String(answer.headers['x-served-by']));
      }
      return seen;
    };
    expect(new Set(await servedBy(6))).toEqual(new Set(['sample-service#1', 'sample-service#2', 'sample-service#3']));
    await stack.kill('sample-service#2');
    expect(new Set(await servedBy(6))).toEqual(new Set(['sample-service#1', 'sample-service#3']));
    await stack.revive();
    expect(await servedBy(3)).toContain('sample-service#2');
  });

  it('registers a sample with its saga and delivers sample.created once to each consumer; the seed\'s metric names are served', async () => {
    const before = { ai: await metric(stack.urls['event-bus']!, /^event_bus_events_total\{topic="sample.created",outcome="delivered"/), backups: await metric(stack.urls['backup-service']!, /^http_requests_total\{method="POST",route="\/api\/v1\/backups",status="201"/) };
    const answer = await submit();
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(await eventually(async () => (await metric(stack.urls['event-bus']!, /^event_bus_events_total\{topic="sample.created",outcome="delivered"/)) === before.ai + 2)).toBe(true);
    expect(await metric(stack.urls['backup-service']!, /^http_requests_total\{method="POST",route="\/api\/v1\/backups",status="201"/)).toBe(before.backups + 1);
    const served = String(answer.headers['x-served-by']);
    const replica = stack.env['SAMPLE_SERVICE_REPLICA_URLS']!.split(',')[Number(served.split('#')[1]) - 1]!;
    expect(await metric(replica, /^saga_transactions_total\{saga="register-sample",outcome="completed"/)).toBeGreaterThanOrEqual(1);
    const text = String((await call(`${replica}/metrics`)).body);
    for (const name of ['http_requests_total', 'database_connection_pool_active', 'database_query_duration', 'saga_active_transactions', 'saga_failed_transactions', 'circuit_breaker_state', 'circuit_breaker_failures']) expect(text).toContain(`# TYPE ${name} `);
    const bus = String((await call(`${stack.urls['event-bus']}/metrics`)).body);
    for (const name of ['event_bus_events_total', 'event_bus_dead_letter_queue_size']) expect(bus).toContain(`# TYPE ${name} `);
    for (const body of [text, bus]) {
      const check = await promtoolCheck(body);
      expect(check.ok, check.output).toBe(true);
    }
  });

  it('dead-letters every sample.created for ai-service while its consumer fails (consumer-fails), and only its', async () => {
    await stack.setFaults('ai-service', { consumerFails: true });
    for (let i = 0; i < 3; i += 1) expect((await submit()).status).toBe(201);
    expect(await eventually(async () => (await deadLetters('ai-service')) === 3)).toBe(true);
    expect(await deadLetters('audit-service')).toBe(0);
    const queue = (await call(`${stack.urls['event-bus']}/api/v1/events/dead-letter`)).body as { data: { consumer: string; attempts: number; error: string }[] };
    expect(queue.data[0]).toMatchObject({ consumer: 'ai-service', attempts: 3, error: expect.stringContaining('consumer-fails fault') });
  });

  it('compensates a failed registration: the backup is cancelled, the saga counted, the answer 409 (saga-failures)', async () => {
    await stack.setFaults('sample-service', { sagaFailureRate: 1 });
    const cancelled = () => metric(stack.urls['backup-service']!, /^http_requests_total\{method="DELETE",route="\/api\/v1\/backups\/:id",status="204"/);
    const before = await cancelled();
    const answer = await call(`${stack.urls['sample-service']}/api/v1/samples`, { method: 'POST', body: submission });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ saga: 'register-sample', steps: ['get-sample-types', 'schedule-backup', 'database:failed', 'compensate:schedule-backup', 'compensate:get-sample-types'] });
    expect(await cancelled()).toBe(before + 1);
    expect(await metric(stack.urls['sample-service']!, /^saga_transactions_total\{saga="register-sample",outcome="compensated"/)).toBe(1);
    expect(await metric(stack.urls['sample-service']!, /^saga_failed_transactions\{/)).toBe(1);
  });

  it('refuses database calls while a breaker is stuck open (breaker-open): 503, detailed health unhealthy, circuit_breaker_state 1', async () => {
    await stack.setFaults('config-service', { breakerOpen: true });
    const config = stack.urls['config-service']!;
    const settings = await call(`${config}/api/v1/config/settings`);
    expect(settings.status).toBe(503);
    expect(settings.body).toEqual({ error: 'database circuit breaker open (breaker-open fault): GET /api/v1/config/settings refused' });
    const detailed = await call(`${config}/health/detailed`);
    expect(detailed.status).toBe(503);
    expect(detailed.body).toMatchObject({ dependencies: { database: { status: 'unhealthy', error: 'circuit breaker open (breaker-open fault)' } } });
    expect(await metric(config, /^circuit_breaker_state\{breaker="database"/)).toBe(1);
    const registration = await call(`${stack.urls['sample-service']}/api/v1/samples`, { method: 'POST', body: submission });
    expect(registration.status).toBe(409);
    expect((registration.body as { error: string }).error).toMatch(/^saga register-sample compensated: get-sample-types: config-service answered 503/);
  });

  it('answers 502 naming the service when none of its replicas is up', async () => {
    await stack.kill('ai-service');
    const answer = await call(`${router}/api/v1/ai/predictions`);
    expect(answer.status).toBe(502);
    expect((answer.body as { error: string }).error).toMatch(/^ai-service: no replica took the request \(tried 2\): .*ECONNREFUSED/);
  });
});
