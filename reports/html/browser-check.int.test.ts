import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunReport } from '../../core/result.ts';
import { openReportChecker, type ReportChecker } from './browser-check.ts';
import { writeHtmlReport } from './write-html.ts';

const fixture = (name: string) => RunReport.parse(JSON.parse(readFileSync(new URL(`../../testdata/reports/${name}`, import.meta.url), 'utf8')));

describe('the HTML report in a real headless chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracseq-html-'));
  let checker: ReportChecker;
  beforeAll(async () => { checker = await openReportChecker(); });
  afterAll(async () => {
    await checker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart with data, with no network request and no script error', async () => {
    const html = await writeHtmlReport(fixture('gate-nightly-warn.json'), join(dir));
    const shot = join(dir, 'nightly.png');
    const result = await checker.check(html, shot);
    expect(result.chartsExpected).toBe(5);
    expect(result.chartsRendered).toBe(5);
    for (const chart of result.charts) {
      expect(chart, chart.id).toMatchObject({ rendered: true });
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(200);
    }
    expect(result.networkRequests).toEqual([]);
    expect(result.consoleErrors).toEqual([]);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('draws a real nightly run (stress and soak from k6) with data in every chart', async () => {
    const realDir = mkdtempSync(join(dir, 'real-'));
    const result = await checker.check(await writeHtmlReport(fixture('gate-nightly-real.json'), realDir));
    expect(result.charts.map((c) => c.id)).toEqual(['stress-0-stress', 'latency-0-stress', 'throughput-0-stress', 'latency-1-soak', 'throughput-1-soak']);
    for (const chart of result.charts) {
      expect(chart.rendered, chart.id).toBe(true);
      expect(chart.points, chart.id).toBeGreaterThan(10);
      expect(chart.seriesPixels, chart.id).toBeGreaterThan(200);
    }
    expect(result.consoleErrors).toEqual([]);
  });

  it('shows a failed run\'s failure at the top of the page', async () => {
    const failDir = mkdtempSync(join(dir, 'fail-'));
    const result = await checker.check(await writeHtmlReport(fixture('gate-deploy-fail.json'), failDir));
    expect(result.firstSectionId).toBe('verdict');
    expect(result.verdict).toBe('fail');
    expect(result.failures[0]).toMatch(/^FAIL smoke sample-service list-samples .*over the 500 ms budget \[slow\]$/);
    expect(result.failuresTop).toBeLessThan(200);
  });
});
