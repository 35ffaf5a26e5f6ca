import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { HealthSchema } from '../core/catalog/schema-health.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import { checkDetailed, slowestDependency } from './check-detailed.ts';
import { checkEndpoint } from './check-endpoint.ts';
import { checkHealth as checkHealthAs } from './check-health.ts';
import { checkMetrics } from './check-metrics.ts';
import { fakeHttp, type FakeAnswer } from './fake-http.ts';
import { healthExpectation } from './health-expectation.ts';
import type { EndpointPlan } from './plan.ts';
import type { TokenResult } from './token.ts';

const settings = { timeoutMs: 1000 };
const url = 'http://127.0.0.1:8081/health';
const answer = (a: FakeAnswer) => fakeHttp(() => a);
const catalog = loadCatalog();
const schemas = catalogSchemas(catalog);
/** TracSeq's expectations, as the shipped catalog gives them (the defaults block: JSON, `status`, health.json). */
const tracseq = healthExpectation(catalog.services.find((s) => s.id === 'sample-service')!.health!, schemas);
const checkHealth = (http: Parameters<typeof checkHealthAs>[0], at: string, s: typeof settings) => checkHealthAs(http, at, tracseq, s);
const expectation = (health: object) => healthExpectation(HealthSchema.parse(health), schemas);

describe('the health check', () => {
  it.each([
    [{ status: 200, body: { status: 'healthy', service: 's' } }, 'pass', undefined],
    [{ status: 200, body: { status: 'degraded', service: 's' } }, 'warn', undefined],
    [{ status: 200, body: { status: 'unhealthy', service: 's' } }, 'fail', 'dependency-down'],
    [{ status: 503, body: { status: 'unhealthy', service: 's' } }, 'fail', 'http-status'],
    [{ status: 200, body: { status: 'ok' } }, 'fail', 'schema'],
    [{ status: 200, body: '<html>' }, 'fail', 'schema'],
    [{ fails: 'connection-refused' } as const, 'fail', 'connection-refused'],
  ] as const)('judges %j as %s (%s)', async (a, outcome, kind) => {
    const verdict = await checkHealth(answer(a), url, settings);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.failure?.kind).toBe(kind);
  });

  it('names the schema field that is wrong as a JSON pointer', async () => {
    const verdict = await checkHealth(answer({ status: 200, body: { status: 'healthy' } }), url, settings);
    expect(verdict.failure).toMatchObject({ kind: 'schema', field: '/service', url });
    expect(verdict.failure?.message).toBe("response does not match tracseq/schemas/health.json: /service: must have required property 'service'");
  });
});

describe('health expectations other than TracSeq\'s', () => {
  it('by default reads the `status` word without a schema: an unknown word fails, a missing one names the field', async () => {
    const plain = expectation({});
    expect((await checkHealthAs(answer({ status: 200, body: { status: 'healthy' } }), url, plain, settings)).outcome).toBe('pass');
    expect((await checkHealthAs(answer({ status: 200, body: { status: 'ok' } }), url, plain, settings)).failure).toMatchObject({ kind: 'dependency-down', field: '/status', message: 'answers 200 but reports status "ok"' });
    expect((await checkHealthAs(answer({ status: 200, body: { up: true } }), url, plain, settings)).failure).toMatchObject({ kind: 'schema', field: '/status', message: 'health body has no "status" state (expected one of: healthy, degraded)' });
  });

  it('reads a dotted state field with the catalog\'s own words', async () => {
    const spring = expectation({ path: '/actuator/health', field: 'app.state', healthy: ['UP'], degraded: ['DEGRADED', 'WARN'] });
    expect((await checkHealthAs(answer({ status: 200, body: { app: { state: 'UP' } } }), url, spring, settings)).outcome).toBe('pass');
    expect((await checkHealthAs(answer({ status: 200, body: { app: { state: 'WARN' } } }), url, spring, settings))).toMatchObject({ outcome: 'warn', detail: { reason: 'reports app.state "WARN"' } });
    expect((await checkHealthAs(answer({ status: 200, body: { app: { state: 'DOWN' } } }), url, spring, settings)).failure?.kind).toBe('dependency-down');
  });

  it('matches a plain-text body against a regex (a Prometheus-style "OK"), never asking for JSON', async () => {
    const text = expectation({ path: '/-/healthy', body: 'text', match: 'Healthy' });
    expect((await checkHealthAs(answer({ status: 200, body: 'Prometheus Server is Healthy.\n' }), url, text, settings)).outcome).toBe('pass');
    const verdict = await checkHealthAs(answer({ status: 200, body: 'Starting up' }), url, text, settings);
    expect(verdict.failure).toEqual({ kind: 'schema', url, field: '(body)', message: 'body does not match /Healthy/: Starting up' });
    expect((await checkHealthAs(answer({ status: 503, body: 'Prometheus Server is Healthy.' }), url, text, settings)).failure?.kind).toBe('http-status');
  });

  it('checks only the status when the body is not read, and takes another expected status', async () => {
    const none = expectation({ body: 'none', status: 204 });
    expect((await checkHealthAs(answer({ status: 204 }), url, none, settings)).outcome).toBe('pass');
    expect((await checkHealthAs(answer({ status: 200, body: 'whatever' }), url, none, settings)).failure?.message).toBe('HTTP 200, expected 204: whatever');
  });

  it('with no state field, judges a JSON body by its schema alone (Chroma\'s heartbeat)', async () => {
    const chroma = healthExpectation(catalog.services.find((s) => s.id === 'chroma')!.health!, schemas);
    expect((await checkHealthAs(answer({ status: 200, body: { 'nanosecond heartbeat': 17 } }), url, chroma, settings)).outcome).toBe('pass');
    expect((await checkHealthAs(answer({ status: 200, body: { 'nanosecond heartbeat': 'soon' } }), url, chroma, settings)).failure).toMatchObject({ kind: 'schema', field: '/nanosecond heartbeat' });
    expect((await checkHealthAs(answer({ status: 200, body: {} }), url, chroma, settings)).failure?.kind).toBe('schema');
  });

  it('calls an unhealthy answer unhealthy even when it is also slow', async () => {
    const verdict = await checkHealth(answer({ status: 200, body: { status: 'unhealthy', service: 's' } }), url, { timeoutMs: 1000, budgetScale: 0.000001 } as typeof settings);
    expect(verdict.failure?.kind).toBe('dependency-down');
  });
});

describe('the detailed health check', () => {
  const detailed = (status: number, deps: Record<string, object>, overall = 'healthy') => answer({ status, body: { status: overall, service: 's', dependencies: deps } });

  it('fails naming the down dependency and where the service looks for it', async () => {
    const verdict = await checkDetailed(detailed(503, { 'storage-service': { status: 'healthy' }, database: { status: 'unhealthy', target: '127.0.0.1:1', error: 'connect ECONNREFUSED 127.0.0.1:1' }, 'event-service': { status: 'unhealthy' } }, 'unhealthy'), url, settings);
    expect(verdict.failure).toEqual({
      kind: 'dependency-down', url, field: 'dependencies.database',
      message: 'dependency "database" is unhealthy at 127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1; also unhealthy: event-service',
    });
    expect(verdict.detail['dependencies']).toEqual({ 'storage-service': 'healthy', database: 'unhealthy', 'event-service': 'unhealthy' });
  });

  it('calls a 503 with every dependency healthy a status failure (health that lies)', async () => {
    const verdict = await checkDetailed(detailed(503, { database: { status: 'healthy' } }, 'unhealthy'), url, settings);
    expect(verdict.failure?.kind).toBe('http-status');
    expect(verdict.failure?.message).toBe('HTTP 503, expected 200, though every dependency reports healthy');
  });

  it('warns on a degraded dependency and passes when all are healthy', async () => {
    expect((await checkDetailed(detailed(200, { database: { status: 'degraded' } }, 'degraded'), url, settings)).outcome).toBe('warn');
    expect((await checkDetailed(detailed(200, { database: { status: 'healthy' } }), url, settings)).outcome).toBe('pass');
  });

  it('fails a 503 whose body is not the detailed schema as a status failure', async () => {
    expect((await checkDetailed(answer({ status: 503, body: 'Service Unavailable' }), url, settings)).failure?.kind).toBe('http-status');
  });
});

describe('the metrics check', () => {
  const metricsUrl = 'http://127.0.0.1:8081/metrics';
  it('fails a 404 as a status failure and an HTML page as not Prometheus text', async () => {
    expect((await checkMetrics(answer({ status: 404, body: 'Not Found' }), metricsUrl, [], settings)).failure?.message).toBe('HTTP 404, expected 200: Not Found');
    expect((await checkMetrics(answer({ status: 200, body: '<html>\n</html>' }), metricsUrl, [], settings)).failure).toMatchObject({ kind: 'schema', field: 'line 1' });
  });

  it('names every required metric that is missing', async () => {
    const verdict = await checkMetrics(answer({ status: 200, body: 'http_requests_total 1\n' }), metricsUrl, ['http_requests_total', 'saga_active_transactions', 'saga_failed_transactions'], settings);
    expect(verdict.failure).toMatchObject({ kind: 'metrics-missing', message: 'missing required metrics: saga_active_transactions, saga_failed_transactions' });
  });

  it('fails an empty metrics page', async () => {
    expect((await checkMetrics(answer({ status: 200, body: '' }), metricsUrl, [], settings)).failure?.kind).toBe('metrics-missing');
  });
});

describe('a key endpoint check', () => {
  const endpoint: EndpointPlan = { name: 'list', method: 'GET', url: 'http://127.0.0.1:8089/api/v1/samples', status: 200, response: 'json', schema: schemas.get('tracseq/schemas/sample-list.json'), auth: true, budgetMs: 1000 };
  const ok = { status: 200, body: { data: [], total: 0 } };
  const noToken = (reportedElsewhere: boolean) => async (): Promise<TokenResult> => ({ ok: false, reportedElsewhere, reason: 'login failed', failure: { kind: 'connection-refused', message: 'connection refused' } });

  it('sends the bearer token when the catalog marks the endpoint auth', async () => {
    const http = answer(ok);
    expect((await checkEndpoint(http, endpoint, settings, async () => ({ ok: true, token: 'tok', header: 'authorization', value: 'Bearer tok' }))).outcome).toBe('pass');
    expect(http.requests[0]?.headers).toEqual({ authorization: 'Bearer tok' });
    const other = answer(ok);
    await checkEndpoint(other, endpoint, settings, async () => ({ ok: true, token: 'tok', header: 'x-api-key', value: 'tok' }));
    expect(other.requests[0]?.headers).toEqual({ 'x-api-key': 'tok' });
  });

  it('skips when the login failure is already reported, and fails naming it when it is not', async () => {
    expect((await checkEndpoint(answer(ok), endpoint, settings, noToken(true))).outcome).toBe('skip');
    const verdict = await checkEndpoint(answer(ok), endpoint, settings, noToken(false));
    expect(verdict.failure).toMatchObject({ kind: 'connection-refused', url: endpoint.url, message: 'cannot get a token: connection refused' });
  });

  it('fails a drifted body naming the renamed field', async () => {
    const drifted = { status: 200, body: { data: [{ id: 's1', bar_code: 'B', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: '2026-01-01T00:00:00Z' }], total: 1 } };
    const verdict = await checkEndpoint(answer(drifted), { ...endpoint, auth: false }, settings, noToken(true));
    expect(verdict.failure).toMatchObject({ kind: 'schema', field: '/data/0/barcode' });
  });

  it('without a schema checks only the status and that the body is JSON', async () => {
    const bare = { ...endpoint, auth: false, schema: undefined };
    expect((await checkEndpoint(answer({ status: 200, body: { anything: 1 } }), bare, settings, noToken(true))).outcome).toBe('pass');
    expect((await checkEndpoint(answer({ status: 200, body: 'plain' }), bare, settings, noToken(true))).failure?.message).toBe('response is not JSON (expected a JSON body): plain');
  });

  it('reads a text answer (an exporter page, a status page) by its regex, and a none answer by its status alone', async () => {
    const text = { ...endpoint, auth: false, response: 'text' as const, schema: undefined, match: /^Active connections: \d+/ };
    const page = 'Active connections: 1 \nserver accepts handled requests\n 3 3 3 \n';
    expect((await checkEndpoint(answer({ status: 200, body: page }), text, settings, noToken(true))).outcome).toBe('pass');
    expect((await checkEndpoint(answer({ status: 200, body: '<html>502 Bad Gateway</html>' }), text, settings, noToken(true))).failure).toMatchObject({ kind: 'schema', url: endpoint.url });
    expect((await checkEndpoint(answer({ status: 503, body: page }), text, settings, noToken(true))).failure).toMatchObject({ kind: 'http-status', message: expect.stringMatching(/^HTTP 503, expected 200/) });
    const none = { ...text, response: 'none' as const, match: undefined };
    expect((await checkEndpoint(answer({ status: 200, body: '\u0000binary' }), none, settings, noToken(true))).outcome).toBe('pass');
    expect((await checkEndpoint(answer({ status: 404 }), none, settings, noToken(true))).outcome).toBe('fail');
  });

  it('fails a response that is over its latency budget twice as slow, with both times', async () => {
    const http = answer(ok);
    const verdict = await checkEndpoint(http, { ...endpoint, auth: false, budgetMs: 1 }, settings, noToken(true));
    expect(verdict.failure).toMatchObject({ kind: 'slow', message: 'took 2 ms, over the 1 ms budget; a second took 2 ms' });
    expect(http.requests).toHaveLength(2);
  });

  it('warns, keeping the first time visible, when only the first response was slow (a cold start)', async () => {
    let n = 0;
    const http = fakeHttp(() => ok);
    const timed = { requests: http.requests, send: async (req: Parameters<typeof http.send>[0]) => {
      const r = await http.send(req);
      return r.ok ? { ...r, response: { ...r.response, durationMs: n++ === 0 ? 1500 : 20 } } : r;
    } };
    const verdict = await checkEndpoint(timed, { ...endpoint, auth: false }, settings, noToken(true));
    expect(verdict.outcome).toBe('warn');
    expect(verdict.failure?.message).toBe('first response took 1500 ms, over the 1000 ms budget; a second took 20 ms');
    expect(verdict.detail).toMatchObject({ latencyMs: 1500, confirmLatencyMs: 20 });
  });
});

describe('a slow detailed health check', () => {
  it('names the slowest dependency the body reports', () => {
    const body = { status: 'healthy' as const, service: 'api-gateway', dependencies: {
      'auth-service': { status: 'healthy' as const, latency_ms: 12 },
      'sample-service': { status: 'healthy' as const, latency_ms: 611.6 },
      database: { status: 'healthy' as const },
    } };
    expect(slowestDependency(body)).toBe('; slowest dependency: sample-service (612 ms)');
    expect(slowestDependency({ ...body, dependencies: { database: { status: 'healthy' } } })).toBe('');
  });
});

describe('a degraded and slow health answer', () => {
  it('fails as slow, as before: a warning does not hide a blown budget', async () => {
    const verdict = await checkHealthAs(answer({ status: 200, body: { status: 'degraded', service: 's' } }), url, tracseq, { timeoutMs: 1000, budgetScale: 0.000001 });
    expect(verdict.failure?.kind).toBe('slow');
  });
});

describe('a detailed health check slow only the first time', () => {
  it('stays a warning (a cold start), naming the slowest dependency; slow twice fails', async () => {
    let n = 0;
    const body = { status: 'healthy', service: 'api-gateway', dependencies: { 'sample-service': { status: 'healthy', latency_ms: 612 } } };
    const http = fakeHttp(() => ({ status: 200, body }));
    const timed = { send: async (req: Parameters<typeof http.send>[0]) => {
      const r = await http.send(req);
      return r.ok ? { ...r, response: { ...r.response, durationMs: n++ === 0 ? 1500 : 20 } } : r;
    } };
    const warned = await checkDetailed(timed, url, settings);
    expect(warned.outcome).toBe('warn');
    expect(warned.failure?.message).toBe('first response took 1500 ms, over the 1000 ms budget; a second took 20 ms; slowest dependency: sample-service (612 ms)');
    expect(warned.detail['reason']).toBe(warned.failure?.message);
    const slow = { send: async (req: Parameters<typeof http.send>[0]) => {
      const r = await http.send(req);
      return r.ok ? { ...r, response: { ...r.response, durationMs: 1500 } } : r;
    } };
    expect((await checkDetailed(slow, url, settings))).toMatchObject({ outcome: 'fail', failure: { kind: 'slow' } });
  });
});
