import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import { ConfigError } from '../core/errors.ts';
import type { HttpRequest } from '../core/http/request.ts';
import type { SuiteContext } from '../core/suite.ts';
import { fakeHttp, type FakeAnswer } from './fake-http.ts';
import { healthyRoute } from './fake-stack.ts';
import type { InfraProbes } from './infra-probes.ts';
import { runSmoke } from './run.ts';
import { pass } from './verdict.ts';

const catalog = loadCatalog();
const noInfra: InfraProbes = { postgres: async () => pass(), redis: async () => pass(), tcp: async () => pass() };

function ctx(env: NodeJS.ProcessEnv = {}, services?: string[]): SuiteContext {
  return {
    resolved: selectServices(resolveCatalog(catalog, 'local', env), services),
    runId: 'run-1', reportDir: '/nonexistent', signal: new AbortController().signal, log: () => {}, env, now: () => new Date(),
  };
}

function overriding(override: (req: HttpRequest) => FakeAnswer | undefined) {
  const healthy = healthyRoute();
  return fakeHttp((req) => override(req) ?? healthy(req));
}

describe('runSmoke over the whole catalog (fake HTTP)', () => {
  it('passes a healthy system and checks every service, endpoint, metrics page and journey', async () => {
    const http = overriding(() => undefined);
    const result = await runSmoke(ctx(), { http, infra: noInfra });
    expect(result.outcome).toBe('pass');
    const ids = result.checks.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['api-gateway.health', 'api-gateway.health-detailed', 'api-gateway.endpoint:list-samples-via-gateway', 'auth-service.endpoint:current-user',
      'lab-manager.metrics', 'api-gateway.journey:login', 'api-gateway.journey:sample-lifecycle']));
    expect(result.checks.filter((c) => c.outcome === 'skip').map((c) => c.id)).toEqual(['postgres.postgres:select-1', 'redis.redis:ping', 'chroma.health']);
    expect(result.checks.find((c) => c.id === 'postgres.postgres:select-1')?.detail?.['reason']).toMatch(/no URL for postgres in environment "local" \(set POSTGRES_URL/);
    const gatewayRequests = http.requests.filter((r) => r.url.startsWith('http://127.0.0.1:8089/api/v1/samples/')).map((r) => r.method ?? 'GET');
    expect(gatewayRequests).toEqual(['GET', 'DELETE', 'GET']);
  });

  it('sends TRACSEQ_SMOKE_EMAIL / TRACSEQ_SMOKE_PASSWORD on every login, never the catalog password', async () => {
    const http = overriding(() => undefined);
    await runSmoke(ctx({ TRACSEQ_SMOKE_PASSWORD: 'from-env' }), { http, infra: noInfra });
    const logins = http.requests.filter((r) => r.url.endsWith('/api/v1/auth/login'));
    expect(logins.length).toBeGreaterThanOrEqual(3);
    expect(logins.every((r) => (r.body as { password: string }).password === 'from-env')).toBe(true);
  });

  it('fails a refused service once, on its health, and skips its other checks with the reason', async () => {
    const result = await runSmoke(ctx(), { http: overriding((req) => (req.url.startsWith('http://127.0.0.1:8087') ? { fails: 'connection-refused' } : undefined)), infra: noInfra });
    expect(result.outcome).toBe('fail');
    const failed = result.checks.filter((c) => c.outcome === 'fail');
    expect(failed.map((c) => c.id)).toEqual(['event-service.health']);
    expect(result.checks.filter((c) => c.service === 'event-service' && c.outcome === 'skip').map((c) => c.name)).toEqual(['health-detailed', 'endpoint:list-topics', 'metrics']);
  });

  it('probes postgres and redis when the environment gives their URLs', async () => {
    const seen: string[] = [];
    const infra: InfraProbes = { postgres: async (url) => (seen.push(url), pass()), redis: async (url) => (seen.push(url), pass()), tcp: async (url) => (seen.push(url), pass()) };
    const result = await runSmoke(ctx({ POSTGRES_URL: 'postgresql://u:p@127.0.0.1:5/db', REDIS_URL: 'redis://127.0.0.1:6' }, ['postgres', 'redis']), { http: fakeHttp(() => ({ status: 500 })), infra });
    expect(result.outcome).toBe('pass');
    expect(seen.sort()).toEqual(['postgresql://u:p@127.0.0.1:5/db', 'redis://127.0.0.1:6']);
  });

  it('is a configuration error when the selected services have no URL at all', async () => {
    await expect(runSmoke(ctx({}, ['postgres', 'redis']), { http: fakeHttp(() => ({ status: 200 })), infra: noInfra })).rejects.toThrow(ConfigError);
    await expect(runSmoke(ctx({}, ['postgres']), { infra: noInfra })).rejects.toThrow(/none of the selected services has a URL \(postgres\)/);
  });

  it('records retries: a check that passes on its second attempt is a warning naming the first failure', async () => {
    let first = true;
    const http = overriding((req) => {
      if (req.url !== 'http://127.0.0.1:8083/api/v1/templates' || !first) return undefined;
      first = false;
      return { status: 502, body: 'bad gateway' };
    });
    const result = await runSmoke(ctx({}, ['template-service']), { http, infra: noInfra, retries: 2, sleep: async () => {} });
    const check = result.checks.find((c) => c.name === 'endpoint:list-templates')!;
    expect(check.outcome).toBe('warn');
    expect(check.failure?.message).toBe('passed only on attempt 2 of 3; attempt 1: HTTP 502, expected 200: bad gateway');
    expect(result.outcome).toBe('warn');
  });

  it('calls a run cut short by Ctrl-C inconclusive, never pass or fail', async () => {
    const controller = new AbortController();
    controller.abort();
    const http = overriding((req) => (req.signal?.aborted ? { fails: 'interrupted' } : undefined));
    const result = await runSmoke({ ...ctx({}, ['sample-service', 'auth-service']), signal: controller.signal }, { http, infra: noInfra });
    expect(result.outcome).toBe('inconclusive');
    expect(result.checks.filter((c) => c.name === 'health').map((c) => c.outcome)).toEqual(['inconclusive', 'inconclusive']);
  });

  it('in wait mode names the services that never came up', async () => {
    const http = overriding((req) => (req.url.startsWith('http://127.0.0.1:8085') ? { fails: 'connection-refused' } : undefined));
    const result = await runSmoke(ctx({}, ['notification-service', 'storage-service']), { http, infra: noInfra, waitMs: 300 });
    expect(result.reason).toBe('never came up within 300ms: notification-service');
    expect(result.checks.find((c) => c.id === 'notification-service.health')?.failure?.message).toMatch(/^never became healthy within 300ms \(\d+ polls\); last: /);
  });
});
