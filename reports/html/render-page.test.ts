import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunReport } from '../../core/result.ts';
import { loadChartAssets } from './assets.ts';
import type { ChartSpec } from './model.ts';
import { renderHtmlReport } from './render-page.ts';

const fixture = (name: string) => RunReport.parse(JSON.parse(readFileSync(new URL(`../../testdata/reports/${name}`, import.meta.url), 'utf8')));
const assets = loadChartAssets();
const charts = (html: string): ChartSpec[] => JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');

describe('the HTML report', () => {
  const passing = renderHtmlReport(fixture('gate-nightly-warn.json'), assets);
  const failing = renderHtmlReport(fixture('gate-deploy-fail.json'), assets);

  it('is self-contained: uPlot is inlined and nothing is loaded from the network', () => {
    expect(passing).toContain(assets.uplotJs.slice(0, 200));
    expect(passing).not.toMatch(/<script[^>]+src=/i);
    expect(passing).not.toMatch(/<link[^>]+href=/i);
    const outsideUplot = passing.replace(assets.uplotJs, '');
    expect(outsideUplot).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[a-z]/i);
    expect(passing).not.toMatch(/\b(src|href)\s*=\s*["']?https?:/i);
    expect(passing).toContain("default-src 'none'");
  });

  it('carries a latency and a throughput chart per load run with every per-second point', () => {
    const specs = charts(passing);
    const latency = specs.filter((s) => s.id.startsWith('latency-'));
    expect(latency.map((s) => s.title)).toEqual(['load: latency percentiles over time', 'stress: latency percentiles over time']);
    expect(latency[0]?.x).toHaveLength(60);
    expect(latency[0]?.series.map((s) => s.label)).toEqual(['p50 (ms)', 'p95 (ms)', 'p99 (ms)']);
    expect(specs.filter((s) => s.id.startsWith('throughput-'))).toHaveLength(2);
    for (const spec of specs) expect(passing).toContain(`id="chart-${spec.id}"`);
  });

  it('draws the stress curve with the break marked where it began and at the rate held, and tables it like the seeds', () => {
    const stress = charts(passing).find((s) => s.id.startsWith('stress-'));
    expect(stress?.xTime).toBe(true);
    expect(stress?.x).toHaveLength(90);
    expect(stress?.series.map((s) => s.label)).toEqual(['offered req/s', 'achieved req/s', 'p95 (ms)']);
    expect(stress?.marks).toEqual([{ x: 1764028800 + 245, label: 'broke here: errors 2.1%, p95 540 ms' }]);
    expect(stress?.levels).toEqual([{ y: 1800, label: 'breaking point 1800 req/s' }]);
    expect(passing).toMatch(/<th>Breaking point<\/th><td>1800 req\/s<\/td>.*<th>Max concurrent users<\/th><td>160<\/td>.*<th>Users at the break<\/th><td>118<\/td>.*<th>Error rate at breaking<\/th><td>2\.1%<\/td>.*<th>Recovery time<\/th><td>7 s<\/td>/s);
  });

  it('renders a real nightly run: a chart per series, the stress level at the rate held, a bar per SLO with a budget', () => {
    const report = fixture('gate-nightly-real.json');
    const html = renderHtmlReport(report, assets);
    const specs = charts(html);
    expect(specs.map((s) => s.id)).toEqual(['stress-0-stress', 'latency-0-stress', 'throughput-0-stress', 'latency-1-soak', 'throughput-1-soak']);
    for (const spec of specs) expect(spec.x.length, spec.id).toBeGreaterThan(10);
    expect(specs[0]?.levels).toEqual([{ y: 334.8, label: 'highest sustained 335 req/s' }]);
    const slo = report.suites.find((s) => s.suite === 'slo');
    const withBudget = (slo?.suite === 'slo' ? (slo.data?.slos ?? []) : []).filter((r) => r.budgetRemaining !== undefined);
    expect([...html.matchAll(/class="budget-fill"/g)]).toHaveLength(withBudget.length);
    expect(withBudget.length).toBeGreaterThan(10);
  });

  it('tables the latency of every service a load run called, busiest first, with how its thresholds came out', () => {
    const report = fixture('gate-nightly-real.json');
    const html = renderHtmlReport(report, assets);
    const table = /<table class="service-latency" id="service-latency-soak">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr class="o-(\w+)"><td>([^<]+)<\/td><td class="num">(\d+)<\/td>(?:<td class="num">[^<]*<\/td>){3}<td class="num">([^<]+)<\/td>/g)].map((m) => [m[2], Number(m[3]), m[4], m[1]]);
    expect(rows).toEqual([
      ['sample-service', 7577, '524.2 ms', 'fail'],
      ['sequencing-service', 3059, '477.6 ms', 'pass'],
      ['storage-service', 2354, '611.9 ms', 'fail'],
      ['auth-service', 664, '450.6 ms', 'pass'],
    ]);
    // A run whose data carries no per-service rows shows no table rather than an empty one.
    expect(passing).not.toContain('class="service-latency"');
  });

  it('shows an error-budget bar per SLO sized by the budget remaining', () => {
    const bars = [...passing.matchAll(/class="budget-fill" style="width:([\d.]+)%" data-remaining="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bars).toEqual([[60, 0.6], [90, 0.9], [20, 0.2]]);
    expect(passing).toContain('<td>99.96%</td><td>&gt;= 99.9%</td>');
    expect(passing).toContain('21 ms');
  });

  it('shows the contract matrix with one cell per consumer and provider pair', () => {
    const cells = [...passing.matchAll(/<td class="cell o-(\w+)" data-consumer="([^"]+)" data-provider="([^"]+)"/g)].map((m) => `${m[2]}->${m[3]}:${m[1]}`);
    expect(cells).toEqual([
      'api-gateway->auth-service:pass',
      'api-gateway->sample-service:pass',
      'sample-service->sequencing-service:pass',
      'sample-service->storage-service:pass',
      'sequencing-service->notification-service:pass',
    ]);
    expect(passing).toContain('<small>http+message</small>');
  });

  it('a failed run shows the verdict and the failure first in the page', () => {
    const body = failing.slice(failing.indexOf('<body>'));
    expect(body.indexOf('id="verdict"')).toBeLessThan(body.indexOf('id="suites"'));
    expect(body).toMatch(/<section id="verdict" class="verdict verdict-fail" data-verdict="fail" data-exit-code="1">\s*<h1>FAIL: not fit to ship<\/h1>/);
    const failures = /<ul id="failures"[^>]*>(.*?)<\/ul>/s.exec(body)?.[1] ?? '';
    expect(failures).toContain('FAIL smoke sample-service list-samples http://127.0.0.1:25002/api/v1/samples: took 612 ms, over the 500 ms budget [slow]');
    expect(failures).toContain('SKIP load: smoke failed (sample-service): no point loading a dead system');
    expect(charts(failing)).toEqual([]);
  });

  it('a clean pass lists no failures, a pass with warnings names the warning, and the smoke table has a row per check', () => {
    expect(renderHtmlReport({ ...fixture('gate-nightly-warn.json'), verdict: 'pass' }, assets)).not.toContain('id="failures"');
    expect(/<ul id="failures"[^>]*>(.*?)<\/ul>/s.exec(passing)?.[1]).toBe('<li>WARN slo sample-service error rate: warn</li>');
    expect([...passing.matchAll(/<tr class="o-pass"><td>[a-z-]+<\/td><td>health<\/td>/g)]).toHaveLength(5);
  });

  it('escapes report text, so a hostile message cannot break out of the page', () => {
    const report = fixture('gate-deploy-fail.json');
    const hostile = { ...report, suites: report.suites.map((s) => (s.suite === 'smoke' ? { ...s, reason: '</script><script>alert(1)</script>' } : s)) };
    const html = renderHtmlReport(hostile, assets);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
  });

  it('marks an interrupted run as a partial report at the top', () => {
    const html = renderHtmlReport({ ...fixture('gate-deploy-fail.json'), interrupted: true, exitCode: 143 }, assets);
    expect(html).toMatch(/<section id="verdict" class="verdict verdict-interrupted"[^>]*>\s*<h1>INTERRUPTED \(exit 143\): partial report<\/h1>/);
  });
});
