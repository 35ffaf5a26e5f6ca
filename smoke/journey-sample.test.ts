import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { catalogSchemas } from '../core/catalog/schemas.ts';
import type { HttpRequest } from '../core/http/request.ts';
import { fakeHttp, type FakeAnswer } from './fake-http.ts';
import { healthyRoute } from './fake-stack.ts';
import type { SampleJourneyPlan } from './journey-plan.ts';
import { sampleJourney } from './journey-sample.ts';

const plan: SampleJourneyPlan = {
  createUrl: 'http://gw/api/v1/samples',
  sampleUrl: (id) => `http://gw/api/v1/samples/${id}`,
  directSampleUrl: (id) => `http://sample/api/v1/samples/${id}`,
  createSchema: catalogSchemas(loadCatalog()).get('tracseq/schemas/sample.json'),
  readSchema: catalogSchemas(loadCatalog()).get('tracseq/schemas/sample.json'),
};
const tok = { header: 'authorization', value: 'Bearer tok' };
const settings = { timeoutMs: 1000 };

function http(override: (req: HttpRequest) => FakeAnswer | undefined) {
  const healthy = healthyRoute();
  return fakeHttp((req) => override(req) ?? healthy(req));
}
const calls = (h: { requests: HttpRequest[] }) => h.requests.map((r) => `${r.method ?? 'GET'} ${r.url}`);

describe('the sample journey', () => {
  it('creates, reads back, deletes and sees the sample gone, sending the token each time', async () => {
    const h = http(() => undefined);
    const verdict = await sampleJourney(h, plan, tok, 'run-1', settings);
    expect(verdict.outcome).toBe('pass');
    expect(calls(h)).toEqual(['POST http://gw/api/v1/samples', 'GET http://gw/api/v1/samples/s1', 'DELETE http://gw/api/v1/samples/s1', 'GET http://gw/api/v1/samples/s1']);
    expect(h.requests.every((r) => r.headers?.['authorization'] === 'Bearer tok')).toBe(true);
    expect((h.requests[0]?.body as { barcode: string }).barcode).toMatch(/^SMOKE-run-1-[0-9a-f]{6}$/);
  });

  it('still deletes the sample when the read-back fails, and reports the read-back failure', async () => {
    const h = http((req) => (req.method === undefined && req.url.startsWith('http://gw/api/v1/samples/') ? { status: 500, body: 'boom' } : undefined));
    const verdict = await sampleJourney(h, plan, tok, 'run-1', settings);
    expect(verdict.failure).toMatchObject({ kind: 'http-status', message: 'read-back: HTTP 500, expected 200: boom' });
    expect(verdict.detail['cleanup']).toBe('deleted sample s1 via http://gw/api/v1/samples/s1');
    expect(calls(h).at(-1)).toBe('DELETE http://gw/api/v1/samples/s1');
  });

  it('cleans up a created sample whose body drifted (the id is still there)', async () => {
    const healthy = healthyRoute();
    const h = fakeHttp((req) => {
      const answer = healthy(req);
      if (req.method !== 'POST' || !('body' in answer)) return answer;
      const { barcode, ...rest } = answer.body as Record<string, unknown>;
      return { status: 201, body: { ...rest, bar_code: barcode } };
    });
    const verdict = await sampleJourney(h, plan, tok, 'run-1', settings);
    expect(verdict.failure).toMatchObject({ kind: 'schema', field: '/barcode' });
    expect(verdict.failure?.message).toBe("create: response does not match tracseq/schemas/sample.json: /barcode: must have required property 'barcode'");
    expect(calls(h)).toEqual(['POST http://gw/api/v1/samples', 'DELETE http://gw/api/v1/samples/s1']);
  });

  it('falls back to the provider to clean up when the gateway refuses, and names what was left when both fail', async () => {
    const gatewayDown = http((req) => (req.method === 'DELETE' && req.url.startsWith('http://gw') ? { fails: 'connection-refused' } : req.method === undefined ? { status: 503 } : undefined));
    const viaProvider = await sampleJourney(gatewayDown, plan, tok, 'run-1', settings);
    expect(viaProvider.detail['cleanup']).toBe('deleted sample s1 via http://sample/api/v1/samples/s1');
    const everythingDown = http((req) => (req.method === 'DELETE' ? { fails: 'connection-refused', message: 'refused' } : req.method === undefined ? { status: 503 } : undefined));
    const left = await sampleJourney(everythingDown, plan, tok, 'run-1', settings);
    expect(left.outcome).toBe('fail');
    expect(left.failure?.message).toBe('read-back: HTTP 503, expected 200; cleanup failed, sample s1 may remain (DELETE http://gw/api/v1/samples/s1: refused; DELETE http://sample/api/v1/samples/s1: refused)');
  });

  it('fails when the sample is still there after the delete', async () => {
    const h = http((req) => (req.method === 'DELETE' ? { status: 204 } : undefined));
    const verdict = await sampleJourney(h, plan, tok, 'run-1', settings);
    expect(verdict.failure?.message).toMatch(/^gone: HTTP 200, expected 404/);
  });
});
