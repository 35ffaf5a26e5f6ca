import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQueryResponse, parseSampleValue } from './response.ts';

const fixture = (name: string) => readFileSync(new URL(`../../testdata/prometheus/${name}`, import.meta.url), 'utf8');
const json = (name: string, status = 200) => parseQueryResponse({ status, contentType: 'application/json', body: fixture(name) });

describe('parseQueryResponse', () => {
  it('reads a one-series vector as one sample', () => {
    expect(json('vector-one.json')).toEqual({ ok: true, samples: [{ labels: {}, value: 0.9987 }], warnings: [] });
  });

  it('keeps every series of a multi-series vector, with their labels', () => {
    const r = json('vector-several.json');
    expect(r.ok && r.samples.map((s) => [s.labels['route'], s.value])).toEqual([['/a', 0.2], ['/b', 0.7], ['/c', Number.NaN]]);
  });

  it('reads an empty result as zero samples (the caller turns it into no data)', () => {
    expect(json('vector-empty.json')).toEqual({ ok: true, samples: [], warnings: [] });
  });

  it.each([
    ['vector-nan.json', Number.NaN],
    ['vector-plus-inf.json', Number.POSITIVE_INFINITY],
    ['vector-minus-inf.json', Number.NEGATIVE_INFINITY],
    ['scalar.json', 1],
  ])('reads %s as the special or scalar value it holds', (name, value) => {
    const r = json(name);
    expect(r.ok && r.samples[0]?.value).toBe(value);
  });

  it('passes Prometheus warnings through', () => {
    const r = json('vector-warnings.json');
    expect(r.warnings).toEqual([expect.stringContaining('might not be a counter')]);
    expect(r.ok && r.samples[0]?.value).toBe(12);
  });

  it.each([
    ['error-bad-data.json', 400, 'query-error', /^Prometheus bad_data \(HTTP 400\): invalid parameter "query"/],
    ['error-execution.json', 422, 'query-error', /^Prometheus execution \(HTTP 422\): query processing would load too many samples/],
    ['error-timeout.json', 503, 'timeout', /^Prometheus timeout \(HTTP 503\): query timed out/],
  ])('classifies %s (HTTP %i) as %s with errorType and message', (name, status, kind, message) => {
    const r = json(name, status);
    expect(r).toMatchObject({ ok: false, kind, status });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('says a proxy error page is HTML, not JSON, and quotes its title', () => {
    const r = parseQueryResponse({ status: 502, contentType: 'text/html', body: fixture('proxy-502.html') });
    expect(r).toMatchObject({ ok: false, kind: 'bad-response', status: 502 });
    expect(!r.ok && r.message).toBe('expected JSON from the Prometheus API, got an HTML page (HTTP 502, "502 Bad Gateway"); is a proxy or login page in the way?');
  });

  it('recognises HTML even when the proxy labels it JSON, and a 401 login page as an auth failure', () => {
    expect(parseQueryResponse({ status: 200, contentType: 'application/json', body: fixture('proxy-502.html') })).toMatchObject({ ok: false, kind: 'bad-response' });
    expect(parseQueryResponse({ status: 401, contentType: 'text/html', body: fixture('login-page.html') })).toMatchObject({ ok: false, kind: 'auth', status: 401 });
  });

  it('rejects text that is not JSON, JSON that is not the Prometheus API, and a 401 with plain text', () => {
    expect(parseQueryResponse({ status: 200, contentType: 'text/plain', body: 'upstream connect error' })).toMatchObject({ ok: false, kind: 'bad-response' });
    expect(json('not-prometheus.json')).toMatchObject({ ok: false, kind: 'bad-response' });
    expect(parseQueryResponse({ status: 401, contentType: 'text/plain', body: 'Unauthorized' })).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('rejects range vectors and sample values that are not numbers', () => {
    expect(json('matrix.json')).toMatchObject({ ok: false, kind: 'query-error', message: 'expected an instant vector or scalar, got resultType "matrix"' });
    expect(json('vector-garbage-value.json')).toMatchObject({ ok: false, kind: 'bad-response', message: 'sample value "twelve" is not a number' });
  });

  it('treats a non-2xx answer with a success body as an error, not as data', () => {
    expect(json('vector-one.json', 500)).toMatchObject({ ok: false, kind: 'query-error', status: 500 });
  });
});

describe('parseSampleValue', () => {
  it.each([
    ['1', 1], ['0.001', 0.001], ['1e-3', 0.001], ['-2.5', -2.5], ['NaN', Number.NaN], ['+Inf', Infinity], ['-Inf', -Infinity], ['abc', undefined], ['', undefined],
  ])('parses %j as %s', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });
});
