import { describe, expect, it } from 'vitest';
import { formatConsoleTable } from './console.ts';
import { fixtureReport } from './report-fixture.ts';

describe('the console table', () => {
  const text = formatConsoleTable(fixtureReport());
  const lines = text.split('\n');

  it('prints each failing check as one line naming the service, the URL and the reason', () => {
    expect(lines).toContain('FAIL smoke sample-service health http://127.0.0.1:8081/health: connection refused (ECONNREFUSED) second line [connection-refused]');
    expect(lines.find((l) => l.startsWith('FAIL smoke storage-service'))).toMatch(/http:\/\/127\.0\.0\.1:8082\/api\/v1\/storage\/locations: .*\[schema at data\[0\]\.id\]$/);
  });

  it('lists skipped, inconclusive and warned checks with their reasons, worst first', () => {
    const order = lines.filter((l) => /^(FAIL|INCONCLUSIVE|WARN|SKIP) smoke /.test(l)).map((l) => l.split(' ')[0]);
    expect(order).toEqual(['FAIL', 'FAIL', 'INCONCLUSIVE', 'WARN', 'SKIP']);
    expect(text).toContain('SKIP smoke postgres select-1: no URL for postgres in env local (set POSTGRES_URL)');
    expect(text).toContain('SKIP load: smoke failed; load not run');
  });

  it('summarises every suite with outcome counts and ends with the verdict and exit code', () => {
    expect(lines[0]).toMatch(/^suite\s+outcome\s+pass\s+warn\s+fail\s+inconc\s+skip\s+time$/);
    expect(lines[1]).toMatch(/^smoke\s+fail\s+1\s+1\s+2\s+1\s+1\s+0\.41s$/);
    expect(lines.at(-1)).toMatch(/^verdict: FAIL {2}exit 1 {2}env local {2}1\.00s {2}run 20261124T235900Z-smoke-ab12$/);
  });

  it('says so when no suite ran', () => {
    expect(formatConsoleTable(fixtureReport({ suites: [], verdict: 'inconclusive', exitCode: 3 }))).toMatch(/^\(no suite ran\)\nverdict: INCONCLUSIVE {2}exit 3/);
  });

  it('never puts a newline inside a check line', () => {
    expect(lines.every((l) => !l.includes('\r'))).toBe(true);
    expect(lines.filter((l) => l.includes('second line'))).toHaveLength(1);
  });
});
