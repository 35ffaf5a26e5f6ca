import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../core/catalog/load.ts';
import { RunReport } from '../core/result.ts';
import { parseFaultSpec, startStack, type RunningStack } from '../stack/launcher.ts';
import { reportDirOf, runCli } from '../test/helpers/cli.ts';
import { xmllintSchema } from '../test/helpers/run-tool.ts';

const XSD = fileURLToPath(new URL('../testdata/junit/junit.xsd', import.meta.url));
const BAD = (name: string) => fileURLToPath(new URL(`../testdata/bad/catalogs/${name}`, import.meta.url));

/** The seeds' failures at start: a service that never starts and one that exits 0 at once (seed 001's event service). */
describe('tracseq-validate smoke against a stack with start-time faults', () => {
  let stack: RunningStack | undefined;
  let reports = '';
  const cli = (args: string[], extra: Record<string, string> = {}) => runCli(['smoke', '--env', 'local', ...args], { env: { ...stack!.env, TRACSEQ_REPORTS_DIR: reports, ...extra }, timeoutMs: 90_000 });

  beforeAll(async () => {
    const catalog = loadCatalog();
    const faults = ['sequencing-service:down', 'event-service:exit-at-start'].map((f) => parseFaultSpec(f, catalog));
    [stack, reports] = await Promise.all([startStack({ portBase: 0, faults, startTimeoutMs: 120_000 }), mkdtemp(join(tmpdir(), 'smoke-cli-'))]);
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(reports, { recursive: true, force: true });
  });

  it('exits 1 and prints one line per dead service naming its URL and the cause', async () => {
    const result = await cli([]);
    expect(result.code).toBe(1);
    for (const id of ['sequencing-service', 'event-service']) {
      const url = new URL(stack!.urls[id]!);
      expect(result.stdout).toContain(`FAIL smoke ${id} health ${url.origin}/health: connection refused by ${url.host} (ECONNREFUSED) [connection-refused]`);
    }
    expect(result.stdout).toMatch(/FAIL smoke sample-service health-detailed \S+: dependency "(sequencing-service|event-service)" is unhealthy/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes report.json, a junit.xml that validates against the JUnit XSD, summary.md and the job summary', async () => {
    const stepSummary = join(reports, 'step-summary.md');
    await writeFile(stepSummary, '');
    const result = await cli([], { GITHUB_STEP_SUMMARY: stepSummary });
    const dir = reportDirOf(result.stdout);
    expect(dir).toBeDefined();
    expect((await readdir(dir!)).sort()).toEqual(expect.arrayContaining(['junit.xml', 'report.json', 'summary.md']));
    const report = RunReport.parse(JSON.parse(await readFile(join(dir!, 'report.json'), 'utf8')));
    expect(report).toMatchObject({ command: 'smoke', verdict: 'fail', exitCode: 1 });
    expect(await xmllintSchema(XSD, join(dir!, 'junit.xml'))).toMatch(/validates/);
    expect(await readFile(join(dir!, 'junit.xml'), 'utf8')).toContain('<failure type="connection-refused"');
    expect(await readFile(stepSummary, 'utf8')).toMatch(/^## ❌ tracseq-validate smoke: FAIL/);
  });

  it('in wait mode polls until the deadline and names the services that never came up', async () => {
    const result = await cli(['--wait', '2s', '--services', 'auth-service,sequencing-service,event-service']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL smoke: never came up within 2s: sequencing-service, event-service');
    expect(result.stdout).toMatch(/FAIL smoke event-service health \S+: never became healthy within 2s \(\d+ polls\); last: connection refused/);
  });

  it('exits 0 for a healthy selection, with retries and a longer timeout allowed', async () => {
    const result = await cli(['--services', 'template-service,lab-manager', '--retries', '1', '--timeout', '10s']);
    expect(result.stdout).toMatch(/^smoke\s+pass\s+7\s+0\s+0\s+0\s+0\s/m);
    expect(result.code).toBe(0);
  });

  it('exits 2 without writing reports for a catalog with no services, an environment with no URL, or an unknown service', async () => {
    const before = await readdir(reports);
    const zero = await cli(['--catalog', BAD('zero-services.yaml')]);
    const noUrls = await runCli(['--catalog', BAD('no-urls-in-env.yaml'), 'smoke', '--env', 'local'], { env: { TRACSEQ_REPORTS_DIR: reports, POSTGRES_URL: '' } });
    const unknown = await cli(['--services', 'nope-service']);
    expect([zero.code, noUrls.code, unknown.code]).toEqual([2, 2, 2]);
    expect(zero.stderr).toMatch(/services: the catalog names no services/);
    expect(noUrls.stderr).toMatch(/^error: environment "local": no service has a URL/);
    expect(unknown.stderr).toMatch(/--services: unknown service "nope-service"/);
    expect(await readdir(reports)).toEqual(before);
  });
});
