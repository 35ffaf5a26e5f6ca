import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStack } from './launcher.ts';
import { call, loginToken } from './testing/http.ts';

let stack: RunningStack;
let token: string;
const RATE_LIMIT = 40;

beforeAll(async () => {
  stack = await startStack({
    portBase: 0,
    services: ['api-gateway', 'auth-service', 'sample-service'],
    circuitBreaker: { threshold: 3, recoveryMs: 1_000 },
    rateLimit: { requests: RATE_LIMIT, windowMs: 60_000 },
    startTimeoutMs: 100_000,
  });
  token = await loginToken(stack.urls['api-gateway']!);
}, 150_000);

afterAll(async () => {
  await stack?.stop();
});

const samples = () => call(`${stack.urls['api-gateway']}/api/v1/samples`, { token });
const count500s = async () => Number(/http_requests_total\{method="GET",route="\/api\/v1\/samples",status="500"[^}]*\} (\d+)/.exec(String((await call(`${stack.urls['sample-service']}/metrics`)).body))?.[1] ?? 0);

describe('the gateway', () => {
  it('opens the circuit after the threshold of upstream failures, answers 503 without calling, and recovers', async () => {
    await stack.setFaults('sample-service', { errorRate: 1 });
    expect([(await samples()).status, (await samples()).status, (await samples()).status]).toEqual([500, 500, 500]);
    const open = await samples();
    expect(open.status).toBe(503);
    expect(open.body).toMatchObject({ error: 'sample-service circuit open' });
    expect(open.headers['retry-after']).toBe('1');
    expect(await count500s()).toBe(3);
    expect(String((await call(`${stack.urls['api-gateway']}/metrics`)).body)).toMatch(/^circuit_breaker_state\{upstream="sample-service",service="api-gateway"\} 1$/m);
    await stack.setFaults('sample-service', { errorRate: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await samples()).status).toBe(200);
    expect(String((await call(`${stack.urls['api-gateway']}/metrics`)).body)).toMatch(/^circuit_breaker_state\{upstream="sample-service",service="api-gateway"\} 0$/m);
  });

  it('becomes unhealthy when a critical upstream is down', async () => {
    await stack.setFaults('sample-service', { healthLies: true });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const health = await call(`${stack.urls['api-gateway']}/health`);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unhealthy', services: { 'sample-service': 'unhealthy' } });
    await stack.setFaults('sample-service', { healthLies: false });
  });

  it('answers 429 with Retry-After once a client exceeds the rate limit', async () => {
    let limited: Awaited<ReturnType<typeof samples>> | undefined;
    let ok = 0;
    for (let i = 0; i < RATE_LIMIT + 5 && !limited; i++) {
      const answer = await samples();
      if (answer.status === 429) limited = answer;
      else ok += 1;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(ok).toBeLessThan(RATE_LIMIT);
  });
});
