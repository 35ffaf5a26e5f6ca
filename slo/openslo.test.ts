import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { loadSloFile } from './slo-file.ts';

const fixture = (name: string) => new URL(`../testdata/openslo/${name}`, import.meta.url).pathname;

function problems(file: string): { message: string; details: readonly string[] } {
  try {
    loadSloFile(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return { message: (err as ConfigError).message, details: (err as ConfigError).details };
  }
  throw new Error('expected the file to be rejected');
}

describe('OpenSLO v1 import', () => {
  it('maps an inline ratioMetric SLO with counters into a ratio SLO over the window', () => {
    const { slos, format, warnings } = loadSloFile(fixture('ratio-availability.yaml'));
    expect(format).toBe('openslo');
    expect(warnings).toEqual([]);
    expect(slos).toHaveLength(1);
    expect(slos[0]).toMatchObject({
      id: 'sample-service:sample-availability', service: 'sample-service', name: 'availability', objective: 0.995, windowDays: 28, key: true, weight: 2,
      sli: {
        kind: 'ratio',
        good: 'sum(increase(http_requests_total{service="sample-service",status!~"5.."}[{{window}}]))',
        total: 'sum(increase(http_requests_total{service="sample-service"}[{{window}}]))',
      },
    });
  });

  it('resolves indicatorRef across documents, skips other kinds, and makes one SLO per objective', () => {
    const { slos, warnings } = loadSloFile(fixture('threshold-latency.yaml'));
    expect(slos.map((s) => [s.id, s.name, s.sli.kind === 'threshold' && s.sli.op, s.objective, s.windowDays])).toEqual([
      ['sample-service:sample-latency:0', 'p95-under-500ms', '<=', 0.5, 7],
      ['sample-service:sample-latency:1', 'p95-under-1s', '<', 1, 7],
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/\(document 1\): kind Service skipped/),
      expect.stringMatching(/\(document 3\): calendar window evaluated as a rolling 7d window/),
      expect.stringMatching(/\(document 3\): spec\.objectives\[1\]\.target: 0\.99 not used/),
    ]);
  });

  it('names the file and every bad field: budgeting method, target out of range', () => {
    const p = problems(fixture('bad-budgeting.yaml'));
    expect(p.message).toMatch(/bad-budgeting\.yaml: invalid OpenSLO \(2 problems\)/);
    expect(p.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/bad-budgeting\.yaml: spec\.budgetingMethod: only Occurrences is supported/),
      expect.stringMatching(/bad-budgeting\.yaml: spec\.objectives\[0\]\.target: Too big/),
    ]));
  });

  it('names a missing total and a name that is not a DNS label', () => {
    const p = problems(fixture('bad-missing-total.yaml'));
    expect(p.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/bad-missing-total\.yaml: metadata\.name: must be a lower-case DNS label/),
      expect.stringMatching(/bad-missing-total\.yaml: spec\.indicator\.spec\.ratioMetric\.total: /),
    ]));
  });

  it('rejects calendar months, which are not a fixed number of days', () => {
    expect(problems(fixture('bad-calendar-month.yaml')).message).toMatch(/spec\.timeWindow\[0\]\.duration: time window 1M is not a whole number of days/);
  });
});

describe('native SLO files', () => {
  const native = (name: string) => new URL(`../testdata/slo/${name}`, import.meta.url).pathname;

  it('loads SLOs with Keptn-style warning, weight, key and score thresholds', () => {
    const { slos, thresholds, format } = loadSloFile(native('valid.yaml'));
    expect(format).toBe('tracseq');
    expect(thresholds).toEqual({ pass: 95, warning: 80 });
    expect(slos.map((s) => [s.id, s.key, s.weight, s.warning, s.windowDays])).toEqual([
      ['sample-service:availability', true, 1, 0.995, 30],
      ['sequencing-service:queue-depth', false, 0.5, undefined, 30],
    ]);
  });

  it('lists every malformed field with the file name', () => {
    const p = problems(native('malformed.yaml'));
    expect(p.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/malformed\.yaml: slos\[0\]\.sli\.total: /),
      expect.stringMatching(/malformed\.yaml: slos\[1\]\.sli\.op: /),
      expect.stringMatching(/malformed\.yaml: slos\[1\]\.relative\[0\]: must look like <=\+10%/),
    ]));
  });

  it('reports a missing file and broken YAML as configuration errors', () => {
    expect(problems('/nonexistent/slos.yaml').message).toBe('/nonexistent/slos.yaml: cannot read SLO file (ENOENT)');
  });
});
