import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startPrometheus, type RunningPrometheus } from '../../infra/prometheus.ts';
import type { RunningStack } from '../../stack/launcher.ts';
import { runLoad } from './run-load.ts';
import { loadContext, startLoadStack, type TestContext } from './testing/fixture.ts';

/** --prometheus-rw: k6 pushes its metrics into a real Prometheus (remote-write receiver on), per service. */
let stack: RunningStack;
let prometheus: RunningPrometheus;
let t: TestContext | undefined;

beforeAll(async () => {
  [stack, prometheus] = await Promise.all([startLoadStack(), startPrometheus({ scrapeTargets: [], remoteWriteReceiver: true })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stack?.stop(), prometheus?.stop()]);
  await t?.cleanup();
});

async function query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const res = await request(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await res.body.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  return body.data.result;
}

describe('k6 metrics by remote write', () => {
  it("land in Prometheus labelled with the run's testid and the service", async () => {
    t = await loadContext(stack);
    const result = await runLoad(t.ctx, { scenario: 'smoke-load', duration: '3s', prometheusRw: prometheus.remoteWriteUrl });
    expect(result.outcome).toBe('pass');
    const measured = result.data!.overall.requests;
    const series = await query(`sum by (service) (k6_http_reqs_total{testid="${t.ctx.runId}"})`);
    const byService: Record<string, number> = Object.fromEntries(series.map((s) => [s.metric['service'] ?? '', Number(s.value[1])]));
    expect(Object.keys(byService).sort()).toEqual(['auth-service', 'sample-service', 'sequencing-service', 'storage-service']);
    const pushed = Object.values(byService).reduce((a, b) => a + b, 0);
    expect(pushed).toBe(measured);
  }, 120_000);
});
