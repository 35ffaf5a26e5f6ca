import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { parseCatalog } from './load.ts';
import { resolveCatalog } from './resolve.ts';

/** `catalog validate` on the SLO fields: each problem as `path.to.field: message`. */
const catalog = (slos: string, top = '') => `system: demo
catalogVersion: 1
environments: { local: { urlTemplate: "http://127.0.0.1:{port}" } }
${top}
services:
  - id: api
    port: 9000
    health: { path: /-/healthy }
    slos:
${slos.split('\n').map((l) => `      ${l}`).join('\n')}
`;

function problemsOf(text: string): string[] {
  try {
    parseCatalog(text, 'demo.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  throw new Error('expected the catalog to be rejected');
}

const ratio = (fields: string) => `objectives:\n  - name: jobs-ok\n    ratio: { ${fields} }`;
const TOTAL = `total: 'sum(increase(jobs_total[{{window}}]))'`;

describe('catalog SLO fields', () => {
  it('fills metric conventions and the seeds\' shorthands from the schema when the catalog gives none', () => {
    const parsed = parseCatalog(catalog('{}'), 'demo.yaml');
    expect(parsed.metrics).toEqual({
      labels: { service: 'service', status: 'status', route: 'route', method: 'method' },
      excludeRoutes: '/metrics|/health.*|/__admin.*', requests: 'http_requests_total', duration: 'http_request_duration_seconds',
    });
    const api = resolveCatalog(parsed, 'local', {}).services[0]!;
    expect(api.slos).toEqual({ shorthands: true, availability: 0.999, latencyP95Ms: 500, latencyP99Ms: 1000, errorRate: 0.01, windowDays: 30, objectives: [] });
  });

  it('merges a partial sloDefaults with the schema defaults and the service over both', () => {
    const parsed = parseCatalog(catalog('latencyP95Ms: 300', 'sloDefaults: { availability: 0.99, windowDays: 28 }\nmetrics: { labels: { service: job } }'), 'demo.yaml');
    expect(resolveCatalog(parsed, 'local', {}).services[0]!.slos).toMatchObject({ availability: 0.99, latencyP95Ms: 300, latencyP99Ms: 1000, windowDays: 28 });
    expect(parsed.metrics.labels).toEqual({ service: 'job', status: 'status', route: 'route', method: 'method' });
  });

  it('names a ratio with both good and bad, and one with neither', () => {
    expect(problemsOf(catalog(ratio(`good: 'sum(increase(ok_total[{{window}}]))', bad: 'sum(increase(failed_total[{{window}}]))', ${TOTAL}, target: 0.99`))))
      .toEqual(['services[0].slos.objectives[0].ratio.bad: give good or bad, not both']);
    expect(problemsOf(catalog(ratio(`${TOTAL}, target: 0.99`))))
      .toEqual(['services[0].slos.objectives[0].ratio.good: give good or bad (the events counted against total)']);
  });

  it('names an unknown placeholder and lists the known ones', () => {
    const [problem] = problemsOf(catalog(ratio(`bad: 'sum(increase(failed_total{ {{labels.code}}="5" }[{{window}}]))', ${TOTAL}, target: 0.99`)));
    expect(problem).toBe('services[0].slos.objectives[0].ratio.bad: unknown placeholder {{labels.code}} (known: {{window}}, {{service}}, {{selector}}, '
      + '{{labels.service}}, {{labels.status}}, {{labels.route}}, {{labels.method}})');
  });

  it('requires {{window}} in event counts, but not in a threshold value', () => {
    expect(problemsOf(catalog(ratio(`bad: 'sum(failed_total)', ${TOTAL}, target: 0.99`))))
      .toEqual([expect.stringMatching(/^services\[0\]\.slos\.objectives\[0\]\.ratio\.bad: must use \{\{window\}\}/)]);
    expect(() => parseCatalog(catalog("objectives:\n  - { name: depth, threshold: { query: 'max(queue_depth)', op: '<', value: 100 } }"), 'demo.yaml')).not.toThrow();
  });

  it('names a target given as a percentage, a threshold without op, and an objective with neither kind', () => {
    expect(problemsOf(catalog(ratio(`bad: 'sum(increase(failed_total[{{window}}]))', ${TOTAL}, target: 99.5`))))
      .toEqual([expect.stringMatching(/^services\[0\]\.slos\.objectives\[0\]\.ratio\.target: Too big/)]);
    expect(problemsOf(catalog("objectives:\n  - { name: p95, threshold: { query: 'p95', value: 0.5 } }")))
      .toEqual([expect.stringMatching(/^services\[0\]\.slos\.objectives\[0\]\.threshold\.op: /)]);
    expect(problemsOf(catalog('objectives:\n  - { name: nothing }')))
      .toEqual(['services[0].slos.objectives[0].ratio: give ratio (events) or threshold (a value and a bound)']);
  });

  it('names a window that is not whole days or weeks, and bad metric and label names', () => {
    expect(problemsOf(catalog("objectives:\n  - { name: d, window: 1M, threshold: { query: 'x', op: '<', value: 1 } }")))
      .toEqual(['services[0].slos.objectives[0].window: must be whole days or weeks, e.g. 30d or 4w']);
    expect(problemsOf(catalog('{}', 'metrics: { requests: http-requests, labels: { status: "status code" } }'))).toEqual([
      'metrics.labels.status: must be a Prometheus label name (letters, digits, _)',
      'metrics.requests: must be a Prometheus metric name',
    ]);
  });

  it("explains the TracSeq shorthands that moved out of the schema", () => {
    expect(problemsOf(catalog('sampleProcessingP95Seconds: 5'))).toEqual([
      'services[0].slos.sampleProcessingP95Seconds: no longer a shorthand: write it as a threshold under slos.objectives (catalog/tracseq.yaml shows how)',
    ]);
  });

  it('names objectives that collide with each other or with a shorthand', () => {
    const depth = "{ name: NAME, threshold: { query: 'max(queue_depth)', op: '<', value: 100 } }";
    expect(problemsOf(catalog(`objectives:\n  - ${depth.replace('NAME', 'depth')}\n  - ${depth.replace('NAME', 'depth')}\n  - ${depth.replace('NAME', 'availability')}`))).toEqual([
      'services[0].slos.objectives[1].name: duplicate objective "depth" (also objectives[0])',
      'services[0].slos.objectives[2].name: "availability" is the name of a shorthand\'s objective (availability, error-rate, latency-p95, latency-p99); choose another',
    ]);
  });
});
