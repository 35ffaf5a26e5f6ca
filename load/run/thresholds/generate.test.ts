import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import { servicesUnderLoad } from '../../lib/steps.ts';
import { generateThresholds } from './generate.ts';
import { renderK6Thresholds } from './spec.ts';

const catalog = loadCatalog();
const options = { entryService: 'api-gateway', loaded: servicesUnderLoad(), set: 'full', droppedIterationsMax: 0 } as const;
const httpServices = catalog.services.filter((s) => s.kind === 'http').map((s) => s.id);

describe('thresholds from the catalog SLOs', () => {
  it('give p95, p99 and error rate overall (the gateway SLO) and per service, plus dropped iterations', () => {
    const k6 = renderK6Thresholds(generateThresholds(resolveCatalog(catalog, 'local', {}), options));
    expect(k6['http_req_duration']).toEqual(['p(95)<500', 'p(99)<1000']);
    expect(k6['http_req_failed']).toEqual(['rate<0.01']);
    expect(k6['http_req_duration{service:sample-service}']).toEqual(['p(95)<500', 'p(99)<1000']);
    expect(k6['http_req_failed{service:storage-service}']).toEqual(['rate<0.01']);
    expect(k6['dropped_iterations']).toEqual(['count<=0']);
    expect(k6['http_req_duration{service:api-gateway}']).toBeUndefined();
  });

  it('cover every service the scenarios send traffic to', () => {
    const k6 = renderK6Thresholds(generateThresholds(resolveCatalog(catalog, 'local', {}), options));
    for (const service of servicesUnderLoad()) expect(k6[`http_req_duration{service:${service}}`]).toBeDefined();
  });

  it('give every loaded service its p95, p99 and error rate, and none to a service the run does not call', () => {
    const resolved = resolveCatalog(catalog, 'local', {});
    const journeysOnly = renderK6Thresholds(generateThresholds(resolved, options));
    expect(journeysOnly['http_req_duration{service:lab-manager}']).toBeUndefined();
    expect(journeysOnly['http_req_failed{service:rag-service}']).toBeUndefined();
    const everyService = renderK6Thresholds(generateThresholds(resolved, { ...options, loaded: httpServices }));
    expect(httpServices).toHaveLength(15);
    for (const id of httpServices) {
      expect(everyService[`http_req_duration{service:${id}}`], id).toEqual(['p(95)<500', 'p(99)<1000']);
      expect(everyService[`http_req_failed{service:${id}}`], id).toEqual(['rate<0.01']);
    }
  });

  it('judge the endpoints scenario alone by each service\'s own SLOs: no entry, no overall latency', () => {
    const k6 = renderK6Thresholds(generateThresholds(resolveCatalog(catalog, 'local', {}), { ...options, entryService: undefined, loaded: ['qaqc-service'] }));
    expect(Object.keys(k6).sort()).toEqual(['dropped_iterations', 'http_req_duration{service:qaqc-service}', 'http_req_failed{service:qaqc-service}']);
  });

  it('follow an SLO change: one source of truth', () => {
    const edited = {
      ...catalog,
      services: catalog.services.map((s) => (s.id === 'sample-service' ? { ...s, slos: { ...s.slos, latencyP95Ms: 250, errorRate: 0.002 } } : s)),
    };
    const k6 = renderK6Thresholds(generateThresholds(resolveCatalog(edited, 'local', {}), options));
    expect(k6['http_req_duration{service:sample-service}']).toEqual(['p(95)<250', 'p(99)<1000']);
    expect(k6['http_req_failed{service:sample-service}']).toEqual(['rate<0.002']);
    expect(k6['http_req_duration{service:storage-service}']).toEqual(['p(95)<500', 'p(99)<1000']);
  });

  it('judge spike by errors only and stress by none', () => {
    const resolved = resolveCatalog(catalog, 'local', {});
    const spike = renderK6Thresholds(generateThresholds(resolved, { ...options, set: 'errors-only' }));
    expect(Object.keys(spike).some((k) => k.startsWith('http_req_duration'))).toBe(false);
    expect(spike['http_req_failed{service:sample-service}']).toEqual(['rate<0.01']);
    expect(generateThresholds(resolved, { ...options, set: 'none' })).toEqual([]);
  });

  it('refuse an entry service the catalog does not have', () => {
    expect(() => generateThresholds(resolveCatalog(catalog, 'local', {}), { ...options, entryService: 'nginx' })).toThrow(/no service "nginx"/);
  });
});
