import { describe, expect, it } from 'vitest';
import { fixtureReport } from './report-fixture.ts';
import { cell, renderSummaryMarkdown } from './summary-md.ts';

describe('the Markdown summary', () => {
  const md = renderSummaryMarkdown(fixtureReport());

  it('heads with the verdict and one row per suite', () => {
    expect(md.split('\n')[0]).toBe('## ❌ tracseq-validate smoke: FAIL');
    expect(md).toContain('| ❌ smoke | fail | 1 | 1 | 2 | 1 | 1 | 0.41s |');
    expect(md).toContain('| ⏭️ load | skip | 0 | 0 | 0 | 0 | 0 | 0.00s |');
    expect(md).toContain('- **load**: smoke failed; load not run');
  });

  it('lists every non-passing check with service, URL, kind and reason, escaped for a table', () => {
    expect(md).toContain('| fail | smoke | sample-service | health | http://127.0.0.1:8081/health | connection-refused | connection refused (ECONNREFUSED) second line |');
    expect(md).toContain('expected string &lt;&amp;&gt;'.replace('&amp;', '&') + ' \\| "quoted" |');
    expect(md).not.toMatch(/\| auth-service \| health/);
  });

  it('puts contract diffs in a collapsible block', () => {
    expect(md).toContain('<details><summary>smoke storage-service list-locations</summary>\n\n```diff\n- id: string\n+ id: number\n```');
  });

  it('escapes pipes, angle brackets and newlines in cells', () => {
    expect(cell('a|b\n<c>')).toBe('a\\|b &lt;c&gt;');
  });

  it('says nothing passed when no suite ran', () => {
    expect(renderSummaryMarkdown(fixtureReport({ suites: [], verdict: 'inconclusive', exitCode: 3 }))).toContain('No suite ran: nothing was measured, so nothing passed.');
  });
});
