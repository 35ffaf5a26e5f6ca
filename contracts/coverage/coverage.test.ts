import { describe, expect, it } from 'vitest';
import type { Edge } from '../../core/catalog/edges.ts';
import { checkCoverage, claimedEdgeName, pathMatchesTemplate, type PactSummary } from './coverage.ts';
import { coverageChecks } from './coverage-checks.ts';

const getSample: Edge = { kind: 'http', consumer: 'api-gateway', provider: 'sample-service', name: 'get-sample', method: 'GET', path: '/api/v1/samples/{id}' };
const listSamples: Edge = { kind: 'http', consumer: 'api-gateway', provider: 'sample-service', name: 'list-samples', method: 'GET', path: '/api/v1/samples' };
const assigned: Edge = { kind: 'message', consumer: 'sample-service', provider: 'storage-service', name: 'storage.location_assigned', event: 'storage.location_assigned' };
const edges = [getSample, listSamples, assigned];
const services = ['api-gateway', 'sample-service', 'storage-service', 'notification-service'];

const gatewayPact: PactSummary = {
  consumer: 'api-gateway', provider: 'sample-service', source: 'pacts/api-gateway-sample-service.json',
  interactions: [
    { description: 'get-sample: a request for one sample', kind: 'http', method: 'GET', path: '/api/v1/samples/S-1' },
    { description: 'list-samples: a request for every sample', kind: 'http', method: 'GET', path: '/api/v1/samples' },
  ],
};
const storagePact: PactSummary = {
  consumer: 'sample-service', provider: 'storage-service', source: 'pacts/sample-service-storage-service.json',
  interactions: [{ description: 'storage.location_assigned: a location was assigned', kind: 'message' }],
};

describe('the coverage check', () => {
  it('passes when every edge has an interaction and every interaction has an edge', () => {
    const result = checkCoverage(edges, [gatewayPact, storagePact], services);
    expect(result.uncovered).toEqual([]);
    expect(result.orphans).toEqual([]);
    expect(result.covered.map((c) => c.edge.name)).toEqual(['get-sample', 'list-samples', 'storage.location_assigned']);
  });

  it('names a catalog edge that no pact covers', () => {
    const result = checkCoverage(edges, [gatewayPact], services);
    expect(result.uncovered).toEqual([assigned]);
    const failing = coverageChecks(result).filter((c) => c.outcome === 'fail');
    expect(failing.map((c) => c.failure?.message)).toEqual([
      'catalog edge sample-service -> storage-service (message: storage.location_assigned) [event storage.location_assigned] has no pact interaction',
    ]);
  });

  it.each([
    ['a pair the catalog does not have', { ...storagePact, consumer: 'notification-service' }, /no dependency edge from notification-service to storage-service/],
    ['a description without an edge prefix', { ...storagePact, interactions: [{ description: 'an event', kind: 'message' as const }] }, /does not start with "<edge name>: "/],
    ['an edge name the pair does not have', { ...storagePact, interactions: [{ description: 'storage.location_released: gone', kind: 'message' as const }] }, /names edge "storage.location_released"/],
    ['an HTTP interaction on the wrong path', { ...gatewayPact, interactions: [{ description: 'get-sample: x', kind: 'http' as const, method: 'GET', path: '/api/v1/sample/S-1' }] }, /requests GET \/api\/v1\/sample\/S-1 but edge "get-sample" is GET \/api\/v1\/samples\/\{id\}/],
    ['an HTTP interaction with the wrong method', { ...gatewayPact, interactions: [{ description: 'list-samples: x', kind: 'http' as const, method: 'POST', path: '/api/v1/samples' }] }, /requests POST/],
    ['a message claiming an HTTP edge', { ...gatewayPact, interactions: [{ description: 'get-sample: x', kind: 'message' as const }] }, /is a message interaction but edge "get-sample" is http/],
  ])('fails %s as an orphan naming the file', (_label, pact, reason) => {
    const result = checkCoverage(edges, [pact], services);
    expect(result.orphans).toHaveLength(1);
    expect(result.orphans[0]?.reason).toMatch(reason);
    const orphanCheck = coverageChecks(result).find((c) => c.id.startsWith('contracts.coverage.orphan.'));
    expect(orphanCheck?.failure?.message).toContain(pact.source);
  });

  it('counts an HTTP interaction whose description names no edge by the one edge its request matches', () => {
    const jvm: PactSummary = { ...gatewayPact, interactions: [{ description: 'a request for sample S-1', kind: 'http', method: 'get', path: '/api/v1/samples/S-1' }, { description: 'a request for all samples', kind: 'http', method: 'GET', path: '/api/v1/samples' }] };
    const result = checkCoverage(edges, [jvm, storagePact], services);
    expect(result.orphans).toEqual([]);
    expect(result.covered.map((c) => [c.edge.name, c.interactions])).toEqual([
      ['get-sample', ['a request for sample S-1']], ['list-samples', ['a request for all samples']], ['storage.location_assigned', ['storage.location_assigned: a location was assigned']],
    ]);
    const nowhere = checkCoverage(edges, [{ ...gatewayPact, interactions: [{ description: 'a sample is deleted', kind: 'http', method: 'DELETE', path: '/api/v1/samples/S-1' }] }], services);
    expect(nowhere.orphans[0]?.reason).toMatch(/does not start with "<edge name>: "/);
  });

  it('counts a pact of a consumer outside the catalog neither as coverage nor as an orphan', () => {
    const ui: PactSummary = { ...gatewayPact, consumer: 'lab-ui', source: 'pacts/lab-ui-sample-service.json' };
    const result = checkCoverage(edges, [ui, storagePact], services);
    expect(result.orphans).toEqual([]);
    expect(result.outside).toEqual([ui]);
    expect(result.uncovered).toEqual([getSample, listSamples]);
  });

  it('accepts interactions known only by description (broker mode)', () => {
    const result = checkCoverage([assigned], [{ ...storagePact, interactions: [{ description: 'storage.location_assigned: x' }] }], services);
    expect(result.uncovered).toEqual([]);
  });

  it.each([
    ['/api/v1/samples/{id}', '/api/v1/samples/S-1', true],
    ['/api/v1/samples/{id}', '/api/v1/samples/S-1/sequence', false],
    ['/api/v1/samples/{id}', '/api/v1/samples/', false],
    ['/api/v1/samples', '/api/v1/samples?status=stored', true],
    ['/api/v1/storage/assignments/{id}', '/api/v1/storage/assignments/A-9', true],
  ])('matches template %s against %s: %s', (template, path, expected) => {
    expect(pathMatchesTemplate(template, path)).toBe(expected);
  });

  it('reads the edge name before the first ": "', () => {
    expect(claimedEdgeName('validate-token: a valid token')).toBe('validate-token');
    expect(claimedEdgeName('sequencing.job_completed: a job finished: ok')).toBe('sequencing.job_completed');
    expect(claimedEdgeName('no prefix here')).toBeUndefined();
  });
});
