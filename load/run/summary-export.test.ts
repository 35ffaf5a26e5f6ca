import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { k6ThresholdResults, parseSummaryExport, stripSetupData, summaryStat } from './summary-export.ts';

const text = JSON.stringify({
  metrics: {
    http_req_duration: { avg: 10, 'p(95)': 42.5, 'p(99)': 80, count: 186 },
    'http_req_duration{service:sample-service}': { 'p(95)': 612, thresholds: { 'p(95)<500': true, 'p(99)<1000': false } },
    http_req_failed: { passes: 0, fails: 186, value: 0, thresholds: { 'rate<0.01': false } },
  },
});

describe("k6's summary export", () => {
  it('reads threshold results, where true means the threshold FAILED', () => {
    const results = k6ThresholdResults(parseSummaryExport(text, 'summary.json'));
    expect(results.get('http_req_duration{service:sample-service}')?.get('p(95)<500')).toBe(false);
    expect(results.get('http_req_duration{service:sample-service}')?.get('p(99)<1000')).toBe(true);
    expect(results.get('http_req_failed')?.get('rate<0.01')).toBe(true);
  });

  it('reads trend stats', () => {
    const s = parseSummaryExport(text, 'summary.json');
    expect(summaryStat(s, 'http_req_duration', 'p(95)')).toBe(42.5);
    expect(summaryStat(s, 'http_req_duration', 'count')).toBe(186);
  });

  it('names a file that is not a summary export', () => {
    expect(() => parseSummaryExport('{"metrics": 3}', 'x.json')).toThrow(/x.json: invalid k6 summary export/);
    expect(() => parseSummaryExport('nope', 'x.json')).toThrow(/not valid JSON/);
  });

  it('drops setup_data (it carries the bearer token setup() returned) and keeps the metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-export-'));
    try {
      const file = join(dir, 'k6-summary-1.json');
      writeFileSync(file, JSON.stringify({ metrics: { http_reqs: { count: 3 } }, setup_data: { token: 'eyJ.secret' }, root_group: {} }));
      await stripSetupData(file);
      const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(kept).toEqual({ metrics: { http_reqs: { count: 3 } }, root_group: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
