import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import { loadSloFile, parseSloFile } from '../slo-file.ts';

const fixture = (name: string) => new URL(`../../testdata/openslo/${name}`, import.meta.url).pathname;
const catalogDefault = { defaultWindowDays: () => 21 };

function problems(load: () => unknown): { message: string; details: readonly string[] } {
  try {
    load();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return { message: (err as ConfigError).message, details: (err as ConfigError).details };
  }
  throw new Error('expected the file to be rejected');
}
const problemsOf = (name: string) => problems(() => loadSloFile(fixture(name), catalogDefault));

describe('OpenSLO v1 import: shapes', () => {
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
    expect(slos[0]!.calendar).toEqual({ duration: '1w', startTime: '2026-01-05 00:00:00', timeZone: 'Europe/Berlin' });
    expect(warnings).toEqual([
      expect.stringMatching(/\(document 1\): kind Service skipped/),
      expect.stringMatching(/\(document 3\): spec\.objectives\[1\]\.target: 0\.99 not used/),
    ]);
  });

  it("reads the SDK's list of objects, an SLI by indicatorRef, sources typed by their DataSource, and targetPercent", () => {
    const { slos, warnings } = loadSloFile(fixture('list-of-objects.yaml'));
    expect(warnings).toEqual([expect.stringMatching(/list-of-objects\.yaml: \[1\]: kind Service skipped$/)]);
    expect(slos).toEqual([expect.objectContaining({
      id: 'storage-service:storage-availability', name: 'availability', objective: 0.995, windowDays: 28,
      sli: {
        kind: 'ratio',
        bad: 'sum by (service) (increase(http_requests_total{service="storage-service",status=~"5.."}[{{window}}]))',
        total: 'sum(increase(http_requests_total{service="storage-service"}[{{window}}]))',
      },
    })]);
  });

  it('finds objects in several documents when one of them is a list, and takes the catalog default without a timeWindow', () => {
    const { slos, warnings } = loadSloFile(fixture('multi-document-lists.yaml'), catalogDefault);
    expect(slos).toEqual([expect.objectContaining({
      id: 'sequencing-service:sequencing-queue', objective: 100, windowDays: 21,
      sli: { kind: 'threshold', op: '<', unit: 'none', query: 'max(sequencing_queue_depth{service="sequencing-service"})' },
    })]);
    expect(warnings).toEqual([
      expect.stringMatching(/\(document 2\): \[1\]: kind AlertPolicy skipped/),
      expect.stringMatching(/\(document 1\): spec\.thresholdMetric: query has no \{\{window\}\}; it is read as written at the evaluation time/),
    ]);
  });

  it('sums gauge samples (counter: false) over the window, also under a sum without (...)', () => {
    const { slos } = loadSloFile(fixture('gauges.yaml'), catalogDefault);
    expect(slos[0]).toMatchObject({
      windowDays: 21,
      sli: {
        kind: 'ratio',
        good: 'sum(sum_over_time(barcode_scans_readable{service="sample-service"}[{{window}}]))',
        total: 'sum without (instance) (sum_over_time(barcode_scans{service="sample-service"}[{{window}}]))',
      },
    });
  });

  it('keeps a calendar-aligned month with its start and time zone, budgeted over a nominal 30 days', () => {
    const { slos, warnings } = loadSloFile(fixture('calendar-month.yaml'));
    expect(warnings).toEqual([]);
    expect(slos[0]).toMatchObject({ windowDays: 30, calendar: { duration: '1M', startTime: '2026-01-01 00:00:00', timeZone: 'America/New_York' }, objective: 0.999 });
  });

  it('turns Timeslices into good slices over slices: ratio slices against timeSliceTarget, threshold slices against op/value', () => {
    const { slos, warnings } = loadSloFile(fixture('timeslices.yaml'));
    expect(warnings).toEqual([]);
    const [ratio, threshold] = slos;
    const good = 'sum(increase(http_requests_total{service="api-gateway",status!~"5.."}[1m]))';
    const total = 'sum(increase(http_requests_total{service="api-gateway"}[1m]))';
    expect(ratio).toMatchObject({
      id: 'api-gateway:gateway-good-minutes', objective: 0.99, windowDays: 7,
      description: 'share of 1m slices with at least 95% good events',
      sli: {
        kind: 'ratio',
        good: `sum_over_time((((${good} or vector(0)) / (${total} > 0)) >= bool 0.95)[{{window}}:1m])`,
        total: `count_over_time((${total} > 0)[{{window}}:1m])`,
      },
    });
    const p95 = 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{service="api-gateway"}[5m])))';
    expect(threshold).toMatchObject({
      id: 'api-gateway:gateway-fast-minutes', objective: 0.95,
      sli: {
        kind: 'ratio',
        good: `sum_over_time((((${p95}) >= -Inf) < bool 0.5)[{{window}}:5m])`,
        total: `count_over_time(((${p95}) >= -Inf)[{{window}}:5m])`,
      },
    });
  });

  it('turns RatioTimeslices into the mean of the slice ratios, from bad over total', () => {
    const { slos } = loadSloFile(fixture('ratio-timeslices.yaml'));
    const bad = 'sum(increase(http_requests_total{service="storage-service",status=~"5.."}[1m]))';
    const total = 'sum(increase(http_requests_total{service="storage-service"}[1m]))';
    expect(slos[0]).toMatchObject({
      objective: 0.99, windowDays: 14,
      sli: {
        kind: 'ratio',
        good: `sum_over_time((1 - (${bad} or vector(0)) / (${total} > 0))[{{window}}:1m])`,
        total: `count_over_time((${total} > 0)[{{window}}:1m])`,
      },
    });
  });
});

describe('OpenSLO v1 import: every error names the real field', () => {
  it('names a misspelled budgeting method and a target out of range', () => {
    const p = problemsOf('bad-budgeting.yaml');
    expect(p.message).toMatch(/bad-budgeting\.yaml: invalid OpenSLO \(2 problems\)/);
    expect(p.details).toEqual([
      expect.stringMatching(/bad-budgeting\.yaml: spec\.budgetingMethod: "TimeSlices" is not a budgeting method \(Occurrences, Timeslices, RatioTimeslices\)/),
      expect.stringMatching(/bad-budgeting\.yaml: spec\.objectives\[0\]\.target: Too big/),
    ]);
  });

  it('reports a missing budgetingMethod alone: timeWindow is optional', () => {
    expect(problemsOf('bad-no-budgeting.yaml').details).toEqual([
      expect.stringMatching(/bad-no-budgeting\.yaml: spec\.budgetingMethod: required: Occurrences, Timeslices, RatioTimeslices$/),
    ]);
  });

  it('names the slice fields Timeslices needs, a calendar window without its calendar, and a DataSource that is not Prometheus', () => {
    expect(problemsOf('bad-timeslices.yaml').details).toEqual([
      expect.stringMatching(/bad-timeslices\.yaml: \[1\]\.spec\.objectives\[0\]\.timeSliceWindow: required with budgetingMethod Timeslices/),
      expect.stringMatching(/bad-timeslices\.yaml: \[1\]\.spec\.objectives\[0\]\.timeSliceTarget: required with budgetingMethod Timeslices/),
      expect.stringMatching(/bad-timeslices\.yaml: \[2\]\.spec\.timeWindow\[0\]\.calendar: required for a calendar-aligned window \(isRolling: false\)/),
      expect.stringMatching(/bad-timeslices\.yaml: \[2\]\.spec\.indicator\.spec\.ratioMetric\.bad\.metricSource\.type: Datadog is not a Prometheus source/),
    ]);
  });

  it('names a missing total and a name that is not a DNS label', () => {
    const p = problemsOf('bad-missing-total.yaml');
    expect(p.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/bad-missing-total\.yaml: metadata\.name: must be a lower-case DNS label/),
      expect.stringMatching(/bad-missing-total\.yaml: spec\.indicator\.spec\.ratioMetric\.total: /),
    ]));
  });

  it('rejects a rolling month, which is not a fixed number of days', () => {
    expect(problemsOf('bad-calendar-month.yaml').details[0]).toMatch(/spec\.timeWindow\[0\]\.duration: time window 1M is not a whole number of days/);
  });

  it('names the source type of a non-Prometheus source (exit 2), an unsupported apiVersion and an unknown kind', () => {
    const datadog = problems(() => loadSloFile(new URL('../../testdata/bad/slo/openslo/datadog-source.yaml', import.meta.url).pathname));
    expect(datadog.details).toEqual([
      expect.stringMatching(/spec\.indicator\.spec\.ratioMetric\.good\.metricSource\.type: Datadog is not a Prometheus source/),
      expect.stringMatching(/spec\.indicator\.spec\.ratioMetric\.total\.metricSource\.type: Datadog is not a Prometheus source/),
    ]);
    const text = 'apiVersion: openslo/v2alpha\nkind: SLO\n---\napiVersion: openslo/v1\nkind: Budget\n';
    expect(problems(() => parseSloFile(text, 'v2.yaml')).details).toEqual([
      'v2.yaml (document 1): apiVersion: openslo/v2alpha is not supported (only openslo/v1)',
      'v2.yaml (document 2): kind: "Budget" is not an OpenSLO v1 kind',
    ]);
  });

  it('refuses precomputed raw ratios and composite objectives, naming the field', () => {
    const base = (ratio: string, objective = '{ target: 0.99 }') => `apiVersion: openslo/v1
kind: SLO
metadata: { name: s }
spec:
  service: svc
  indicator: { metadata: { name: i }, spec: { ratioMetric: ${ratio} } }
  budgetingMethod: Occurrences
  objectives: [${objective}]
`;
    const q = (query: string) => `{ metricSource: { type: Prometheus, spec: { query: '${query}' } } }`;
    expect(problems(() => parseSloFile(base(`{ rawType: success, raw: ${q('ratio')} }`), 'raw.yaml')).details)
      .toEqual(['raw.yaml: spec.indicator.spec.ratioMetric.raw: precomputed ratios (raw, rawType) are not supported: give good or bad, and total']);
    expect(problems(() => parseSloFile(base(`{ good: ${q('ok')}, total: ${q('all')} }`, '{ target: 0.99, indicatorRef: other }'), 'composite.yaml')).details)
      .toEqual(['composite.yaml: spec.objectives[0].indicatorRef: composite SLOs (an indicator per objective) are not supported']);
    expect(problems(() => parseSloFile(base(`{ good: ${q('ok_total * 2')}, total: ${q('all')} }`), 'shape.yaml')).details)
      .toEqual([expect.stringMatching(/^shape\.yaml: spec\.indicator\.spec\.ratioMetric\.good\.metricSource\.spec\.query: a counter query is a selector/)]);
  });
});

describe('native SLO files', () => {
  const native = (name: string) => new URL(`../../testdata/slo/${name}`, import.meta.url).pathname;

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
    const p = problems(() => loadSloFile(native('malformed.yaml')));
    expect(p.details).toEqual(expect.arrayContaining([
      expect.stringMatching(/malformed\.yaml: slos\[0\]\.sli\.total: /),
      expect.stringMatching(/malformed\.yaml: slos\[1\]\.sli\.op: /),
      expect.stringMatching(/malformed\.yaml: slos\[1\]\.relative\[0\]: must look like <=\+10%/),
    ]));
  });

  it('reports a missing file and broken YAML as configuration errors', () => {
    expect(problems(() => loadSloFile('/nonexistent/slos.yaml')).message).toBe('/nonexistent/slos.yaml: cannot read SLO file (ENOENT)');
  });
});
