import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrometheus, type RunningPrometheus } from '../infra/prometheus.ts';
import { runCli } from './testing/cli-run.ts';

/** The CLI's exit codes when Prometheus is gone or the SLO file is bad (no stack needed). */
let dir = '';
let prom: RunningPrometheus | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slo-cli-'));
  prom = await startPrometheus({ scrapeTargets: [{ job: 'prometheus', targets: ['127.0.0.1:1'] }], scrapeInterval: '1s' });
});
afterAll(async () => {
  await prom?.stop();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ TRACSEQ_REPORTS_DIR: join(dir, 'reports'), TRACSEQ_SLO_HISTORY_DIR: join(dir, 'history') });

describe('slo evaluate exit codes', () => {
  it('exits 3 with a clear one-line reason when Prometheus is down, and stores nothing', async () => {
    const url = prom!.url;
    await prom!.stop();
    const run = await runCli(['slo', 'evaluate', '--prometheus', url, '--window', '5m', '--services', 'sample-service'], env());
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`INCONCLUSIVE slo: Prometheus unreachable: cannot reach Prometheus at ${url}/api/v1/query (ECONNREFUSED`);
    expect(run.report?.verdict).toBe('inconclusive');
    expect(run.report?.suites[0]?.checks.every((c) => c.outcome === 'inconclusive' && c.failure?.kind === 'connection-refused')).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'history'))).toBe(false);
  });

  it('exits 2 naming the file and the field when the SLO file is malformed', async () => {
    const run = await runCli(['slo', 'evaluate', '--prometheus', 'http://127.0.0.1:1', '--slo-file', 'testdata/slo/malformed.yaml'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: testdata\/slo\/malformed\.yaml: invalid SLO file \(\d+ problems\)/);
    expect(run.stderr).toContain('testdata/slo/malformed.yaml: slos[0].sli.total: ');
    expect(run.stderr).toContain('testdata/slo/malformed.yaml: slos[1].sli.op: ');
    expect(run.report).toBeUndefined();
  });

  it('exits 2 on a malformed OpenSLO import, naming the field', async () => {
    const run = await runCli(['slo', 'import', 'testdata/openslo/bad-budgeting.yaml'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('testdata/openslo/bad-budgeting.yaml: spec.budgetingMethod: "TimeSlices" is not a budgeting method');
  });

  it('imports a valid OpenSLO file into the native format, which loads again as is', async () => {
    const out = join(dir, 'imported.yaml');
    const run = await runCli(['slo', 'import', 'testdata/openslo/ratio-availability.yaml', '--out', out], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 SLO(s) imported (openslo)');
    const again = await runCli(['slo', 'import', out], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('id: sample-service:sample-availability');
  });

  it("imports the SDK's list of objects and a Timeslices file, and exits 2 naming a source that is not Prometheus", async () => {
    const list = await runCli(['slo', 'import', 'testdata/openslo/list-of-objects.yaml'], env());
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('storage-service:storage-availability  ratio  >= 99.5%  window 28d');
    const slices = await runCli(['slo', 'import', 'testdata/openslo/timeslices.yaml'], env());
    expect(slices.code).toBe(0);
    expect(slices.stdout).toContain('[{{window}}:1m])');
    const datadog = await runCli(['slo', 'import', 'testdata/bad/slo/openslo/datadog-source.yaml'], env());
    expect(datadog.code).toBe(2);
    expect(datadog.stderr).toContain('spec.indicator.spec.ratioMetric.good.metricSource.type: Datadog is not a Prometheus source');
  });

  it('exits 2 on bad options before touching Prometheus, and never prints a secret it was given', async () => {
    await writeFile(join(dir, 'token'), 'tok-very-secret\n');
    const bad = await runCli(['slo', 'evaluate', '--prometheus', 'http://127.0.0.1:1', '--window', 'soon'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--window: "soon" is not a duration');
    const run = await runCli(['slo', 'evaluate', '--prometheus', 'http://127.0.0.1:1', '--bearer-token-file', join(dir, 'token'), '--services', 'auth-service'], env());
    expect(run.code).toBe(3);
    expect(`${run.stdout}${run.stderr}${JSON.stringify(run.report)}`).not.toContain('tok-very-secret');
    expect(run.stderr).toContain(`bearer token (file ${join(dir, 'token')})`);
  });
});
