import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SampleList } from '../response-schemas.ts';
import { bodyPreview, dependencyFailure, issuePath, notJsonFailure, schemaFailure, slowFailure, statusFailure } from './classify-response.ts';

const url = 'http://127.0.0.1:8081/api/v1/samples';

describe('the response failure classifier', () => {
  it('reports an unexpected status with the expected one and a one-line body preview', () => {
    expect(statusFailure(url, 503, 200, '{"status":\n "unhealthy"}')).toEqual({ kind: 'http-status', url, message: 'HTTP 503, expected 200: {"status": "unhealthy"}' });
    expect(statusFailure(url, 404, 200).message).toBe('HTTP 404, expected 200');
  });

  it('names the first mismatching field path and counts the rest', () => {
    const body = { data: [{ id: 's1', bar_code: 'X', sample_type: 'blood', status: 'received', storage_location_id: null, created_at: 't' }], total: '1' };
    const parsed = SampleList.safeParse(body);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const failure = schemaFailure(url, 'SampleList', parsed.error);
    expect(failure).toMatchObject({ kind: 'schema', field: 'data[0].barcode' });
    expect(failure.message).toMatch(/^response does not match SampleList: data\[0\]\.barcode: .+ \(\+1 more\)$/);
  });

  it('formats paths with indexes and a root', () => {
    expect(issuePath(['data', 0, 'status'])).toBe('data[0].status');
    expect(issuePath([])).toBe('(root)');
    const rootIssue = z.object({}).safeParse(3);
    if (!rootIssue.success) expect(schemaFailure(url, 'X', rootIssue.error).field).toBe('(root)');
  });

  it('reports a non-JSON body as a schema mismatch at the root', () => {
    expect(notJsonFailure(url, 'Health', '<html>oops</html>')).toEqual({ kind: 'schema', url, field: '(root)', message: 'response is not JSON (expected Health): <html>oops</html>' });
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
