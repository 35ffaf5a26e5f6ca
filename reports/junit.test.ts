import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { renderJunit } from './junit.ts';
import { fixtureReport } from './report-fixture.ts';

type Node = Record<string, unknown>;
const asArray = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as Node[];

function parse(xml: string): { root: Node; suites: Node[] } {
  const doc = convert(xml, { format: 'object' }) as { testsuites: Node };
  return { root: doc.testsuites, suites: asArray(doc.testsuites['testsuite']) };
}

describe('the JUnit writer', () => {
  const xml = renderJunit(fixtureReport());
  const { root, suites } = parse(xml);

  it('writes one testsuite per suite and one testcase per check, with counts', () => {
    expect(suites.map((s) => s['@name'])).toEqual(['smoke', 'load']);
    const smoke = suites[0]!;
    expect(asArray(smoke['testcase'])).toHaveLength(6);
    expect([smoke['@tests'], smoke['@failures'], smoke['@errors'], smoke['@skipped'], smoke['@time']]).toEqual(['6', '2', '1', '1', '0.412']);
    expect([root['@tests'], root['@failures'], root['@errors'], root['@skipped']]).toEqual(['7', '2', '1', '2']);
  });

  it('marks failures with the FailureKind as type and the one-line reason as message', () => {
    const cases = asArray(suites[0]!['testcase']);
    const refused = cases.find((c) => c['@classname'] === 'smoke.sample-service')!;
    expect(refused['failure']).toMatchObject({ '@type': 'connection-refused', '@message': 'connection refused (ECONNREFUSED) second line', '#': 'url: http://127.0.0.1:8081/health' });
    const schema = cases.find((c) => c['@classname'] === 'smoke.storage-service')!;
    expect(schema['failure']).toMatchObject({ '@type': 'schema' });
    expect(xml).toContain('message="response does not match LocationList: data[0].id: expected string &lt;&amp;&gt; | &quot;quoted&quot;"');
    expect(String((schema['failure'] as Node)['#'])).toContain('field: data[0].id');
  });

  it('reports skip as skipped, inconclusive as error and warn as output of a passing case', () => {
    const cases = asArray(suites[0]!['testcase']);
    expect(cases.find((c) => c['@classname'] === 'smoke.postgres')!['skipped']).toEqual({ '@message': 'no URL for postgres in env local (set POSTGRES_URL)' });
    expect(cases.find((c) => c['@classname'] === 'smoke.event-service')!['error']).toMatchObject({ '@type': 'no-data' });
    const warn = cases.find((c) => c['@classname'] === 'smoke.api-gateway')!;
    expect(warn['failure']).toBeUndefined();
    expect(warn['system-out']).toBe('warn: succeeded on attempt 2 of 3 (http://127.0.0.1:8089/api/v1/samples)');
  });

  it('gives a suite that ran no checks one case carrying its reason, so CI shows why', () => {
    const load = suites[1]!;
    expect(load['testcase']).toMatchObject({ '@name': 'load suite', skipped: { '@message': 'smoke failed; load not run' } });
  });

  it('escapes markup in names and messages instead of breaking the document', () => {
    const report = fixtureReport();
    report.suites[0]!.checks[0]!.name = '</testcase><evil a="1">';
    const escaped = renderJunit(report);
    expect(escaped).toContain('<testcase name="&lt;/testcase&gt;&lt;evil a=&quot;1&quot;&gt;" classname="smoke.auth-service"');
    expect(asArray(parse(escaped).suites[0]!['testcase'])).toHaveLength(6);
  });
});
