import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { UnreachableError } from '../core/errors.ts';
import { RunReport } from '../core/result.ts';
import { freePort } from '../infra/free-port.ts';
import { startPrometheus, waitForScrape } from '../infra/prometheus.ts';
import { pushRunMetrics } from './push-metrics.ts';
import { startPushgateway, type RunningPushgateway } from './start-pushgateway.ts';

const fixture = (name: string) => RunReport.parse(JSON.parse(readFileSync(new URL(`../testdata/reports/${name}`, import.meta.url), 'utf8')));

describe('--push-metrics against a real prometheus-pushgateway', () => {
  let gateway: RunningPushgateway;
  beforeAll(async () => { gateway = await startPushgateway(); });
  afterAll(async () => { await gateway?.stop(); });

  const scrape = async () => {
    const res = await request(`${gateway.url}/metrics`);
    return res.body.text();
  };

  it('receives the suite outcomes, durations, SLI values, breaking point and budget remaining of a run', async () => {
    const pushed = await pushRunMetrics(fixture('gate-nightly-warn.json'), gateway.url);
    expect(pushed.series).toBeGreaterThan(40);
    const text = await scrape();
    const grouping = 'env="local",instance="",job="tracseq_validation",profile="nightly"';
    expect(text).toMatch(new RegExp(`tracseq_validation_run_exit_code\\{${grouping},target="local"\\} 0`));
    expect(text).toMatch(/tracseq_validation_run_outcome\{[^}]*outcome="warn"[^}]*\} 1/);
    expect(text).toMatch(/tracseq_validation_suite_outcome\{[^}]*outcome="pass"[^}]*suite="smoke"[^}]*\} 1/);
    expect(text).toMatch(/tracseq_validation_suite_duration_seconds\{[^}]*scenario="load"[^}]*suite="load"[^}]*\} 61/);
    expect(text).toMatch(/tracseq_validation_breaking_point_rps\{[^}]*scenario="stress"[^}]*\} 1800/);
    expect(text).toMatch(/tracseq_validation_recovery_seconds\{[^}]*scenario="stress"[^}]*\} 7/);
    expect(text).toMatch(/tracseq_validation_sli_value\{[^}]*service="api-gateway",slo="api-gateway-availability"[^}]*\} 0\.9996/);
    expect(text).toMatch(/tracseq_validation_error_budget_remaining_ratio\{[^}]*slo="sample-service-error-rate"[^}]*\} 0\.2/);
  });

  it('a later run replaces its group, so a failed run reads as failed on the dashboard', async () => {
    await pushRunMetrics({ ...fixture('gate-nightly-warn.json'), verdict: 'fail', exitCode: 1 }, gateway.url);
    const text = await scrape();
    expect(text).toMatch(/tracseq_validation_run_exit_code\{[^}]*profile="nightly"[^}]*\} 1/);
    expect(text).toMatch(/tracseq_validation_run_outcome\{[^}]*outcome="fail"[^}]*profile="nightly"[^}]*\} 1/);
  });

  it('an unreachable Pushgateway is an unreachable error naming the URL', async () => {
    const port = await freePort();
    await expect(pushRunMetrics(fixture('gate-deploy-fail.json'), `http://127.0.0.1:${port}`, 2000)).rejects.toThrow(UnreachableError);
    await expect(pushRunMetrics(fixture('gate-deploy-fail.json'), `http://127.0.0.1:${port}`, 2000)).rejects.toThrow(`cannot push to http://127.0.0.1:${port}`);
  });

  it('every query of the Grafana dashboard returns data from a Prometheus scraping the Pushgateway', async () => {
    await pushRunMetrics(fixture('gate-nightly-warn.json'), gateway.url);
    const prometheus = await startPrometheus({ scrapeTargets: [{ job: 'pushgateway', targets: [gateway.url] }], scrapeInterval: '1s', remoteWriteReceiver: false });
    try {
      await waitForScrape(prometheus.url, { since: new Date(), requireUp: true, timeoutMs: 15_000 });
      const dashboard = JSON.parse(readFileSync(new URL('../dashboards/tracseq-validation.json', import.meta.url), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
      for (const panel of dashboard.panels) {
        for (const { expr } of panel.targets) {
          const query = expr.replaceAll('$env', '.*').replaceAll('$profile', '.*');
          const res = await request(`${prometheus.url}/api/v1/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query }).toString() });
          const body = (await res.body.json()) as { status: string; data?: { result: unknown[] }; error?: string };
          expect(body.status, `${panel.title}: ${query} ${body.error ?? ''}`).toBe('success');
          expect(body.data?.result.length, `${panel.title}: ${query}`).toBeGreaterThan(0);
        }
      }
    } finally {
      await prometheus.stop();
    }
  });
});
