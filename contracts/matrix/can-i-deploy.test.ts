import { describe, expect, it } from 'vitest';
import type { Edge } from '../../core/catalog/edges.ts';
import { canIDeploy } from './can-i-deploy.ts';
import type { MatrixRow } from './matrix-schema.ts';

const h1 = 'a'.repeat(64);
const h2 = 'b'.repeat(64);
const edges: Edge[] = [
  { kind: 'http', consumer: 'api-gateway', provider: 'sample-service', name: 'get-sample', method: 'GET', path: '/api/v1/samples/{id}' },
  { kind: 'http', consumer: 'api-gateway', provider: 'sample-service', name: 'list-samples', method: 'GET', path: '/api/v1/samples' },
  { kind: 'http', consumer: 'sample-service', provider: 'storage-service', name: 'assign-location', method: 'POST', path: '/api/v1/storage/assignments' },
];

function row(over: Partial<MatrixRow>): MatrixRow {
  return {
    consumer: 'api-gateway', consumerVersion: 'c1', provider: 'sample-service', providerVersion: 'p1', pactHash: h1,
    pactSource: 'pacts/x.json', environment: 'local', success: true, interactions: 3, failed: 0,
    verifiedAt: '2026-11-24T10:00:00.000Z', runId: 'r1', ...over,
  };
}

describe('can-i-deploy from the local matrix', () => {
  it('says yes for a consumer whose pact at that version was verified', () => {
    const answer = canIDeploy([row({})], edges, { pacticipant: 'api-gateway', version: 'c1' });
    expect(answer.outcome).toBe('pass');
    expect(answer.integrations.map((i) => [i.role, i.provider, i.status])).toEqual([['consumer', 'sample-service', 'verified']]);
  });

  it('says no when the latest verification of that version failed', () => {
    const rows = [row({}), row({ success: false, failed: 1, verifiedAt: '2026-11-24T11:00:00.000Z' })];
    const answer = canIDeploy(rows, edges, { pacticipant: 'api-gateway', version: 'c1' });
    expect(answer.outcome).toBe('fail');
    expect(answer.integrations[0]?.reason).toMatch(/^verification failed \(1\/3 interactions\) for pact aaaaaaaaaaaa \(api-gateway@c1\) against sample-service@p1 in local$/);
  });

  it('is inconclusive, never a pass, for a version with no verification at all', () => {
    const answer = canIDeploy([row({})], edges, { pacticipant: 'api-gateway', version: 'c2' });
    expect(answer.outcome).toBe('inconclusive');
    expect(answer.integrations[0]?.reason).toBe("sample-service@p1 has not verified api-gateway@c2's pact");
  });

  it('judges a consumer against the provider version verified last (the one in play), not any earlier one', () => {
    const later = row({ providerVersion: 'p2', success: false, failed: 1, verifiedAt: '2026-11-24T11:00:00.000Z' });
    expect(canIDeploy([row({}), later], edges, { pacticipant: 'api-gateway', version: 'c1' }).outcome).toBe('fail');
    const fixed = row({ providerVersion: 'p3', verifiedAt: '2026-11-24T12:00:00.000Z', consumerVersion: 'c9' });
    const answer = canIDeploy([row({}), later, fixed], edges, { pacticipant: 'api-gateway', version: 'c1' });
    expect(answer.outcome).toBe('inconclusive');
    expect(answer.integrations[0]?.reason).toBe("sample-service@p3 has not verified api-gateway@c1's pact");
  });

  it('checks a provider against every consumer and the consumer pact currently in play', () => {
    const rows = [
      row({}),
      row({ consumer: 'sample-service', consumerVersion: 'p1', provider: 'storage-service', providerVersion: 'p9' }),
      row({ consumerVersion: 'c2', pactHash: h2, providerVersion: 'p0', verifiedAt: '2026-11-24T12:00:00.000Z' }),
    ];
    const answer = canIDeploy(rows, edges, { pacticipant: 'sample-service', version: 'p1' });
    expect(answer.integrations.map((i) => [i.role, i.consumer, i.provider, i.status])).toEqual([
      ['provider', 'api-gateway', 'sample-service', 'missing'],
      ['consumer', 'sample-service', 'storage-service', 'verified'],
    ]);
    expect(answer.integrations[0]?.reason).toBe("sample-service@p1 has not verified api-gateway's current pact bbbbbbbbbbbb");
    expect(answer.outcome).toBe('inconclusive');
  });

  it('counts only verifications in the target environment', () => {
    const answer = canIDeploy([row({ environment: 'staging' })], edges, { pacticipant: 'api-gateway', version: 'c1', environment: 'production' });
    expect(answer.outcome).toBe('inconclusive');
    expect(answer.integrations[0]?.reason).toBe('no pact between api-gateway and sample-service was ever verified in production');
    expect(canIDeploy([row({ environment: 'staging' })], edges, { pacticipant: 'api-gateway', version: 'c1', environment: 'staging' }).outcome).toBe('pass');
  });

  it('fails before it is inconclusive when both happen', () => {
    const rows = [row({ consumer: 'sample-service', provider: 'storage-service', consumerVersion: 'v', success: false, failed: 2 })];
    expect(canIDeploy(rows, edges, { pacticipant: 'sample-service', version: 'v' }).outcome).toBe('fail');
  });

  it('passes a pacticipant with no contracts and says why', () => {
    const answer = canIDeploy([], edges, { pacticipant: 'template-service', version: 'x' });
    expect(answer).toEqual({ outcome: 'pass', integrations: [], reason: 'template-service has no contracts in the catalog: nothing depends on it' });
  });
});
