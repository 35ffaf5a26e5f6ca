import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPrometheusConfig } from './prometheus-config.ts';

const base = { scrapeIntervalMs: 1000, evaluationIntervalMs: 500, ruleFiles: [] };

describe('buildPrometheusConfig', () => {
  it('turns a url map into one job per service with scheme, address and /metrics', () => {
    const yaml = parse(buildPrometheusConfig({ ...base, scrapeTargets: { 'sample-service': 'http://127.0.0.1:4001' } }));
    expect(yaml.global).toEqual({ scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '0.5s' });
    expect(yaml.scrape_configs).toEqual([
      { job_name: 'sample-service', scheme: 'http', metrics_path: '/metrics', static_configs: [{ targets: ['127.0.0.1:4001'] }] },
    ]);
    expect(yaml.rule_files).toBeUndefined();
  });

  it('keeps job lists, explicit metrics paths, labels and rule files', () => {
    const yaml = parse(buildPrometheusConfig({
      ...base,
      ruleFiles: ['/tmp/r.yaml'],
      scrapeTargets: [{ job: 'k6', targets: ['http://127.0.0.1:1/custom', 'http://a:2/custom'], labels: { env: 'ci' } }],
    }));
    expect(yaml.rule_files).toEqual(['/tmp/r.yaml']);
    expect(yaml.scrape_configs[0].metrics_path).toBe('/custom');
    expect(yaml.scrape_configs[0].static_configs[0]).toEqual({ targets: ['127.0.0.1:1', 'a:2'], labels: { env: 'ci' } });
  });

  it("turns a target URL's query into the job's params (a blackbox exporter probe)", () => {
    const target = 'http://127.0.0.1:9115/probe?module=http_2xx&target=http%3A%2F%2F127.0.0.1%3A8080%2Fhealthz';
    const yaml = parse(buildPrometheusConfig({ ...base, scrapeTargets: [{ job: 'nginx', targets: [target] }] }));
    expect(yaml.scrape_configs[0]).toEqual({
      job_name: 'nginx', scheme: 'http', metrics_path: '/probe',
      params: { module: ['http_2xx'], target: ['http://127.0.0.1:8080/healthz'] },
      static_configs: [{ targets: ['127.0.0.1:9115'] }],
    });
    expect(() => buildPrometheusConfig({ ...base, scrapeTargets: [{ job: 'z', targets: [target, 'http://127.0.0.1:9115/probe?module=tcp'] }] })).toThrow(/job "z": every target must share one scheme, metrics path and query/);
  });

  it('rejects a job mixing metrics paths and a job without targets', () => {
    expect(() => buildPrometheusConfig({ ...base, scrapeTargets: [{ job: 'x', targets: ['http://a:1/m', 'http://b:2/n'] }] })).toThrow(/job "x"/);
    expect(() => buildPrometheusConfig({ ...base, scrapeTargets: [{ job: 'y', targets: [] }] })).toThrow(/job "y" has no targets/);
  });

  it('caps the scrape timeout at 10 s for slow intervals', () => {
    const yaml = parse(buildPrometheusConfig({ ...base, scrapeIntervalMs: 30_000, scrapeTargets: { a: 'http://h:1' } }));
    expect(yaml.global.scrape_timeout).toBe('10s');
  });
});
