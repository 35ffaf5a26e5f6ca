import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_PATH } from '../catalog/load.ts';
import { SchemaRegistry } from '../json-schema/registry.ts';
import { bodyPreview, dependencyFailure, notJsonFailure, schemaFailure, slowFailure, statusFailure, textMismatchFailure } from './classify-response.ts';

const sampleList = new SchemaRegistry(dirname(DEFAULT_CATALOG_PATH)).get('tracseq/schemas/sample-list.json');

const url = 'http://127.0.0.1:8081/api/v1/samples';

describe('the response failure classifier', () => {
  it('reports an unexpected status with the expected one and a one-line body preview', () => {
    expect(statusFailure(url, 503, 200, '{"status":\n "unhealthy"}')).toEqual({ kind: 'http-status', url, message: 'HTTP 503, expected 200: {"status": "unhealthy"}' });
    expect(statusFailure(url, 404, 200).message).toBe('HTTP 404, expected 200');
  });

  it('names the first mismatching field as a JSON pointer, the schema file, and counts the rest', () => {
    const body = { data: [{ id: 's1', bar_code: 'X', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: '2026-01-01T00:00:00Z' }], total: '1' };
    const failure = schemaFailure(url, sampleList.name, sampleList.check(body));
    expect(failure).toMatchObject({ kind: 'schema', field: '/data/0/barcode' });
    expect(failure.message).toBe("response does not match tracseq/schemas/sample-list.json: /data/0/barcode: must have required property 'barcode' (+1 more)");
  });

  it('names the root when the whole body is wrong, and says what it got', () => {
    const failure = schemaFailure(url, sampleList.name, sampleList.check(3));
    expect(failure.field).toBe('(root)');
    expect(failure.message).toBe('response does not match tracseq/schemas/sample-list.json: (root): must be object, got 3');
  });

  it('reports a non-JSON body as a schema mismatch at the root', () => {
    expect(notJsonFailure(url, 'health.json', '<html>oops</html>')).toEqual({ kind: 'schema', url, field: '(root)', message: 'response is not JSON (expected health.json): <html>oops</html>' });
  });

  it('reports a text body that does not match the healthy regex, with a preview', () => {
    expect(textMismatchFailure(url, /^OK$/, 'Service Unavailable\n')).toEqual({ kind: 'schema', url, field: '(body)', message: 'body does not match /^OK$/: Service Unavailable' });
  });

  it('reports slowness against the budget', () => {
    expect(slowFailure(url, 1234.6, 1000).message).toBe('took 1235 ms, over the 1000 ms budget');
  });

  it('names an unhealthy dependency with where the service looks for it', () => {
    expect(dependencyFailure(url, 'database', { status: 'unhealthy', target: '127.0.0.1:1', error: 'connect ECONNREFUSED' })).toEqual({
      kind: 'dependency-down', url, field: 'dependencies.database', message: 'dependency "database" is unhealthy at 127.0.0.1:1: connect ECONNREFUSED',
    });
  });

  it('masks URL passwords in bodies and dependency targets', () => {
    expect(bodyPreview('{"error":"cannot reach postgresql://admin:hunter2@db:5432/x"}')).toBe('{"error":"cannot reach postgresql://admin:***@db:5432/x"}');
    expect(dependencyFailure(url, 'database', { status: 'unhealthy', target: 'postgres://u:pw@localhost:5432/db' }).message).toBe('dependency "database" is unhealthy at postgres://u:***@localhost:5432/db');
  });

  it('truncates long bodies', () => {
    expect(bodyPreview('a'.repeat(200), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});
