import { describe, expect, it } from 'vitest';
import { loadCatalog, parseCatalog } from '../core/catalog/load.ts';
import { SHORTHAND_OBJECTIVES } from '../core/catalog/slo-schema.ts';
import { resolveCatalog, selectServices } from '../core/catalog/resolve.ts';
import { catalogSlos } from './catalog-slos.ts';
import { objectiveText } from './format.ts';

const resolved = resolveCatalog(loadCatalog(), 'local', {});

describe('catalog SLOs', () => {
  it("gives every http service the seeds' table: availability 99.9%, p95 < 500 ms, p99 < 1 s, error rate < 1%", () => {
    const gateway = catalogSlos(selectServices(resolved, ['api-gateway']));
    expect(gateway.map((s) => [s.name, objectiveText(s), s.key, s.windowDays])).toEqual([
      ['availability', '>= 99.9%', true, 30],
      ['error-rate', '<= 1%', true, 30],
      ['latency-p95', '< 500 ms', true, 30],
      ['latency-p99', '< 1 s', false, 30],
    ]);
  });

  it('adds sample processing < 5 s and queue depth < 100 where the catalog sets them', () => {
    const ids = catalogSlos(resolved).map((s) => s.id);
    expect(ids).toContain('sample-service:sample-processing-p95');
    expect(ids).toContain('sequencing-service:queue-depth');
    expect(ids.filter((id) => id.endsWith(':queue-depth'))).toEqual(['sequencing-service:queue-depth']);
  });

  it('covers only http services and gives each id once', () => {
    const slos = catalogSlos(resolved);
    const ids = slos.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(slos.some((s) => s.service === 'postgres')).toBe(false);
    expect(new Set(slos.map((s) => s.service)).size).toBe(resolved.catalog.services.filter((s) => s.kind === 'http').length);
  });

  it('selects series by the service label, excluding probes, and uses the 500 ms bucket for the p95 budget', () => {
    const p95 = catalogSlos(selectServices(resolved, ['sample-service'])).find((s) => s.name === 'latency-p95')!;
    expect(p95.sli.kind === 'threshold' && p95.sli.query).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="sample-service",route!~"/metrics|/health.*|/__admin.*"}[{{window}}])))',
    );
    expect(p95.sli.kind === 'threshold' && p95.sli.budget?.good).toContain('le="0.5"');
    const job = catalogSlos(selectServices(resolved, ['sample-service']), { serviceLabel: 'job' })[0]!;
    expect(job.sli.kind === 'ratio' && job.sli.total).toContain('{job="sample-service"');
  });
});

/** A Go service (client_golang conventions) described by a catalog alone. */
const goCatalog = `system: go-demo
catalogVersion: 1
environments: { local: { urlTemplate: "http://127.0.0.1:{port}" } }
metrics:
  labels: { service: job, status: code, route: handler }
  excludeRoutes: ""
  requests: promhttp_requests_total
  duration: promhttp_request_duration_seconds
sloDefaults: { latencyP95Ms: 250 }
services:
  - id: orders
    port: 9100
    health: { path: /healthz }
    slos:
      errorRate: 0.02
      objectives:
        - name: checkout-success
          description: checkouts that reach the payment provider
          ratio:
            good: 'sum(increase(checkout_total{ {{labels.service}}="{{service}}",result="ok" }[{{window}}]))'
            total: 'sum(increase(checkout_total{ {{labels.service}}="{{service}}" }[{{window}}]))'
            target: 0.995
            warning: 0.99
          key: true
          weight: 2
          window: 4w
          relative: ['>=-1%']
        - name: get-p99
          threshold:
            query: 'histogram_quantile(0.99, sum by (le) (rate(promhttp_request_duration_seconds_bucket{ {{selector}},method="GET" }[{{window}}])))'
            op: '<='
            value: 0.8
            unit: seconds
`;

describe('catalog objectives', () => {
  const go = resolveCatalog(parseCatalog(goCatalog, 'go.yaml'), 'local', {});
  const slos = catalogSlos(go);
  const byName = (name: string) => slos.find((s) => s.name === name)!;

  it('expands the shorthands with the catalog\'s metric and label names, then the objectives in order', () => {
    expect(slos.map((s) => s.id)).toEqual([...SHORTHAND_OBJECTIVES.map((n) => `orders:${n}`), 'orders:checkout-success', 'orders:get-p99']);
    const availability = byName('availability');
    expect(availability.sli).toEqual({
      kind: 'ratio',
      bad: 'sum(increase(promhttp_requests_total{job="orders",code=~"5.."}[{{window}}]))',
      total: 'sum(increase(promhttp_requests_total{job="orders"}[{{window}}]))',
    });
    expect(byName('error-rate').objective).toBeCloseTo(0.98, 12);
    expect(byName('latency-p95')).toMatchObject({ objective: 0.25, sli: { query: 'histogram_quantile(0.95, sum by (le) (rate(promhttp_request_duration_seconds_bucket{job="orders"}[{{window}}])))' } });
  });

  it('renders placeholders and carries target, warning, key, weight, window and relative criteria', () => {
    expect(byName('checkout-success')).toEqual({
      id: 'orders:checkout-success', service: 'orders', name: 'checkout-success', description: 'checkouts that reach the payment provider',
      sli: { kind: 'ratio', good: 'sum(increase(checkout_total{ job="orders",result="ok" }[{{window}}]))', total: 'sum(increase(checkout_total{ job="orders" }[{{window}}]))' },
      objective: 0.995, warning: 0.99, display: 'good-ratio', relative: ['>=-1%'], weight: 2, key: true, windowDays: 28,
    });
    expect(byName('get-p99')).toMatchObject({
      sli: { kind: 'threshold', op: '<=', unit: 'seconds', query: 'histogram_quantile(0.99, sum by (le) (rate(promhttp_request_duration_seconds_bucket{ job="orders",method="GET" }[{{window}}])))' },
      objective: 0.8, key: false, weight: 1, windowDays: 30, relative: [],
    });
  });

  it('expands no shorthand for a service with shorthands: false (an exporter, a proxy): its objectives alone', () => {
    const off = goCatalog.replace('      errorRate: 0.02\n', '      shorthands: false\n');
    expect(catalogSlos(resolveCatalog(parseCatalog(off, 'go.yaml'), 'local', {})).map((s) => s.id)).toEqual(['orders:checkout-success', 'orders:get-p99']);
    const offForAll = goCatalog.replace('sloDefaults: { latencyP95Ms: 250 }', 'sloDefaults: { latencyP95Ms: 250, shorthands: false }');
    expect(catalogSlos(resolveCatalog(parseCatalog(offForAll, 'go.yaml'), 'local', {})).map((s) => s.id)).toEqual(['orders:checkout-success', 'orders:get-p99']);
    const backOn = offForAll.replace('      errorRate: 0.02\n', '      errorRate: 0.02\n      shorthands: true\n');
    expect(catalogSlos(resolveCatalog(parseCatalog(backOn, 'go.yaml'), 'local', {})).map((s) => s.id)).toHaveLength(6);
  });

  it('keeps the route exclusion, escaped, in {{selector}} when the catalog sets one', () => {
    const excluded = resolveCatalog(parseCatalog(goCatalog.replace('excludeRoutes: ""', 'excludeRoutes: "/internal/\\\\d+"'), 'go.yaml'), 'local', {});
    expect(catalogSlos(excluded).find((s) => s.name === 'get-p99')!.sli).toMatchObject({
      query: expect.stringContaining('{ job="orders",handler!~"/internal/\\\\d+",method="GET" }'),
    });
  });
});
