import { REPORT_SCHEMA_VERSION, type Check, type RunReport, type SuiteResult } from '../core/result.ts';

/** Test fixture: a run with every outcome and failure shape the writers must render. */
export function fixtureChecks(): Check[] {
  return [
    { id: 'auth-service.health', name: 'health', service: 'auth-service', outcome: 'pass', durationMs: 3, detail: { url: 'http://127.0.0.1:8080/health', status: 200 } },
    {
      id: 'sample-service.health', name: 'health', service: 'sample-service', outcome: 'fail', durationMs: 1,
      failure: { kind: 'connection-refused', message: 'connection refused (ECONNREFUSED)\nsecond line', url: 'http://127.0.0.1:8081/health' },
    },
    {
      id: 'storage-service.list-locations', name: 'list-locations', service: 'storage-service', outcome: 'fail', durationMs: 4,
      failure: { kind: 'schema', message: 'response does not match LocationList: data[0].id: expected string <&> | "quoted"', url: 'http://127.0.0.1:8082/api/v1/storage/locations', field: 'data[0].id', diff: '- id: string\n+ id: number' },
    },
    { id: 'postgres.select-1', name: 'select-1', service: 'postgres', outcome: 'skip', durationMs: 0, detail: { reason: 'no URL for postgres in env local (set POSTGRES_URL)' } },
    { id: 'gateway.slow', name: 'list-samples-via-gateway', service: 'api-gateway', outcome: 'warn', durationMs: 900, detail: { url: 'http://127.0.0.1:8089/api/v1/samples', reason: 'succeeded on attempt 2 of 3' } },
    { id: 'slo.avail', name: 'availability', service: 'event-service', outcome: 'inconclusive', durationMs: 0, failure: { kind: 'no-data', message: 'no samples in window' } },
  ];
}

export function fixtureReport(overrides: Partial<RunReport> = {}): RunReport {
  const smoke: SuiteResult = { suite: 'smoke', outcome: 'fail', startedAt: '2026-11-24T23:59:00.000Z', durationMs: 412, checks: fixtureChecks() };
  const load: SuiteResult = { suite: 'load', outcome: 'skip', startedAt: '2026-11-24T23:59:01.000Z', durationMs: 0, checks: [], reason: 'smoke failed; load not run' };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: '20261124T235900Z-smoke-ab12',
    tool: { name: 'tracseq-validate', version: '0.1.0' },
    command: 'smoke',
    env: 'local',
    startedAt: '2026-11-24T23:59:00.000Z',
    finishedAt: '2026-11-24T23:59:01.000Z',
    durationMs: 1000,
    verdict: 'fail',
    exitCode: 1,
    interrupted: false,
    suites: [smoke, load],
    ...overrides,
  };
}
