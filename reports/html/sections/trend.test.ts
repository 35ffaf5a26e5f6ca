import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RunReport } from '../../../core/result.ts';
import type { HistoryEntry } from '../../../gate/history/history-schema.ts';
import { renderTrend } from './trend.ts';

const base = RunReport.parse(JSON.parse(readFileSync(new URL('../../../testdata/reports/gate-nightly-warn.json', import.meta.url), 'utf8')));
const night = (runId: string, breakingPointRps: number, p95: number): HistoryEntry => ({
  version: 1, runId, at: '2026-12-01T02:13:00.000Z', target: 'local', env: 'local', profile: 'nightly', verdict: 'pass', exitCode: 0,
  figures: { services: { 'sample-service': { p95, p99: p95 * 2 }, 'auth-service': { p95: 8, p99: 15 } }, throughputRps: 125, breakingPointRps, recoveryS: 3, errorBudgetLeft: 0.95 },
  regressions: [],
});

describe('the trend section of the HTML report', () => {
  it('is absent from a report without a history', () => {
    expect(renderTrend({ ...base, trend: undefined })).toBe('');
  });

  it('draws each key figure over the runs as inline SVG, with this run marked', () => {
    const nights = [night('night-1', 900, 20), night(base.runId, 850, 22)];
    const html = renderTrend({ ...base, trend: { file: 'reports/history/local-local-nightly.jsonl', nights, judged: false, reason: 'not compared with the trend yet: 1 passing run(s) stored, 3 needed (trend.minNights)', rows: [] } });
    expect(html).toContain('<section id="trend" data-runs="2" data-judged="false">');
    expect(html.match(/<svg /g)).toHaveLength(6);
    // Two runs: a line through two points per series, and the last (this run) drawn larger.
    const breaking = html.slice(html.indexOf('id="trend-breaking-point"'), html.indexOf('id="trend-recovery"'));
    expect(breaking.match(/<circle /g)).toHaveLength(2);
    expect(breaking).toContain('class="current"');
    expect(breaking).toContain('<title>breaking point: 850 req/s</title>');
    expect(breaking).toMatch(/<polyline [^>]*points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    expect(html).toContain('this run');
    expect(html.slice(html.indexOf('id="trend-p95"'), html.indexOf('id="trend-p99"')).match(/class="series"/g)).toHaveLength(2);
    expect(html).toContain('<tr class="o-pass current">');
  });

  it('names each step change the trend found', () => {
    const nights = [night('a', 900, 20), night('b', 910, 20), night('c', 905, 20), night(base.runId, 500, 20)];
    const rows = [{ figure: 'breakingPoint' as const, unit: 'req/s' as const, current: 500, median: 905, limit: 633.5, criterion: '>=-30%', nights: 3, ok: false }];
    const html = renderTrend({ ...base, trend: { file: 'h.jsonl', nights, judged: true, reason: 'compared with the median of the last 3 passing run(s)', rows } });
    expect(html).toContain('1 figures compared, 1 step change');
    expect(html).toContain('<li>step change: breakingPoint 500 req/s vs median 905 req/s (limit &gt;=-30% = 633.5 req/s)</li>');
  });
});
