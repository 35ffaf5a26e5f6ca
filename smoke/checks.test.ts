import { describe, expect, it } from 'vitest';
import { checkDetailed, slowestDependency } from './check-detailed.ts';
import { checkEndpoint } from './check-endpoint.ts';
import { checkHealth } from './check-health.ts';
import { checkMetrics } from './check-metrics.ts';
import { fakeHttp, type FakeAnswer } from './fake-http.ts';
import type { EndpointPlan } from './plan.ts';
import type { TokenResult } from './token.ts';

const settings = { timeoutMs: 1000 };
const url = 'http://127.0.0.1:8081/health';
const answer = (a: FakeAnswer) => fakeHttp(() => a);

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

  it('names the schema field that is wrong', async () => {
    const verdict = await checkHealth(answer({ status: 200, body: { status: 'healthy' } }), url, settings);
    expect(verdict.failure).toMatchObject({ kind: 'schema', field: 'service', url });
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
  const endpoint: EndpointPlan = { name: 'list', method: 'GET', url: 'http://127.0.0.1:8089/api/v1/samples', status: 200, schemaName: 'SampleList', auth: true, budgetMs: 1000 };
  const ok = { status: 200, body: { data: [], total: 0 } };
  const noToken = (reportedElsewhere: boolean) => async (): Promise<TokenResult> => ({ ok: false, reportedElsewhere, reason: 'login failed', failure: { kind: 'connection-refused', message: 'connection refused' } });

  it('sends the bearer token when the catalog marks the endpoint auth', async () => {
    const http = answer(ok);
    expect((await checkEndpoint(http, endpoint, settings, async () => ({ ok: true, token: 'tok' }))).outcome).toBe('pass');
    expect(http.requests[0]?.headers).toEqual({ authorization: 'Bearer tok' });
  });

  it('skips when the login failure is already reported, and fails naming it when it is not', async () => {
    expect((await checkEndpoint(answer(ok), endpoint, settings, noToken(true))).outcome).toBe('skip');
    const verdict = await checkEndpoint(answer(ok), endpoint, settings, noToken(false));
    expect(verdict.failure).toMatchObject({ kind: 'connection-refused', url: endpoint.url, message: 'cannot get a token: connection refused' });
  });

  it('fails a drifted body naming the renamed field', async () => {
    const drifted = { status: 200, body: { data: [{ id: 's1', bar_code: 'B', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: 't' }], total: 1 } };
    const verdict = await checkEndpoint(answer(drifted), { ...endpoint, auth: false }, settings, noToken(true));
    expect(verdict.failure).toMatchObject({ kind: 'schema', field: 'data[0].barcode' });
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
