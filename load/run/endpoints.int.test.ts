import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../core/catalog/load.ts';
import { resolveCatalog } from '../../core/catalog/resolve.ts';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { startStack, type RunningStack } from '../../stack/launcher.ts';
import { runCli } from '../../test/helpers/cli.ts';
import { readReport, runDirs } from '../../test/helpers/report-dirs.ts';
import { createAnalysis } from './analyzer/analysis.ts';
import { readResults } from './analyzer/read-results.ts';
import { summarize } from './analyzer/summarize.ts';
import { loginCredentials } from './endpoints/login.ts';
import { envArgs } from './k6/args.ts';
import { locateK6 } from './k6/locate.ts';
import { runK6 } from './k6/spawn.ts';
import { k6ThresholdResults, readSummaryExport } from './summary-export.ts';
import { NO_RATE_LIMIT } from './testing/fixture.ts';

/**
 * The every-service endpoints scenario against the whole reference stack (all 15 HTTP services),
 * three ways at once, each short and bounded: plain `k6 run load/endpoints.ts` with the plan and the
 * thresholds the CLI prints, `load run endpoints`, and `load run load --endpoints` (the journeys with
 * the endpoints scenario beside them in one k6 test, as the deploy gate runs it). Each must send
 * requests to every service and judge every service by its own SLO thresholds.
 */
const HTTP_SERVICES = loadCatalog().services.filter((s) => s.kind === 'http').map((s) => s.id).sort();
const SHORT = { RATE: '40', RAMP: '1s', DURATION: '4s', VUS: '20' };

let stack: RunningStack;
let dir: string;

beforeAll(async () => {
  stack = await startStack({ portBase: 0, rateLimit: NO_RATE_LIMIT, startTimeoutMs: 110_000 });
  dir = await mkdtemp(join(tmpdir(), 'endpoints-scenario-'));
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function plainK6(): Promise<{ code: number | null; out: string; raw: string; summary: string }> {
  const cli = (args: string[]) => runCli(args, { env: stack.env, timeoutMs: 30_000 });
  const [plan, thresholds] = await Promise.all([cli(['load', 'plan', '--env', 'local']), cli(['load', 'thresholds', '--env', 'local', '--scenario', 'endpoints'])]);
  expect(plan.code, plan.stderr).toBe(0);
  expect(plan.stderr).toContain('the login needs --env LOGIN_PASSWORD=... (not written into the plan)');
  const planFile = join(dir, 'plan.json');
  await writeFile(planFile, plan.stdout);
  const raw = join(dir, 'plain.json');
  const summary = join(dir, 'plain-summary.json');
  const login = loginCredentials(resolveCatalog(loadCatalog(), 'local', stack.env));
  const args = ['run', join(PROJECT_ROOT, 'load', 'endpoints.ts'), '-q', '--no-usage-report', '--out', `json=${raw}`, '--summary-export', summary,
    ...envArgs({ PLAN_FILE: planFile, LOGIN_PASSWORD: login['LOGIN_PASSWORD']!, THRESHOLDS: thresholds.stdout.trim(), ...SHORT })];
  const exit = await runK6(locateK6(PROJECT_ROOT, process.env, undefined), args, { env: process.env, signal: AbortSignal.timeout(60_000), onLine: () => {}, graceMs: 5_000 });
  return { code: exit.code, out: exit.tail, raw, summary };
}

function viaCli(args: string[]) {
  return runCli(['load', 'run', ...args, '--env', 'local', '--rate', SHORT.RATE, '--ramp', SHORT.RAMP, '--duration', SHORT.DURATION, '--vus', SHORT.VUS],
    { env: { ...stack.env, TRACSEQ_REPORTS_DIR: join(dir, `reports-${args[0]}`) }, timeoutMs: 120_000 });
}

describe('the endpoints scenario', () => {
  it('loads every HTTP service with plain k6 run and from the CLI, alone and beside the journeys, each judged by its own thresholds', async () => {
    const [plain, alone, beside] = await Promise.all([plainK6(), viaCli(['endpoints']), viaCli(['load', '--endpoints'])]);

    expect(plain.code, `k6 run endpoints.ts: ${plain.out.slice(-1500)}`).toBe(0);
    const analysis = createAnalysis();
    await readResults(plain.raw, analysis);
    const measured = summarize(analysis, 'endpoints', 'local').services;
    expect(measured.map((s) => s.service).sort()).toEqual(HTTP_SERVICES);
    for (const s of measured) expect(s.requests, s.service).toBeGreaterThan(0);
    const k6 = k6ThresholdResults((await readSummaryExport(plain.summary))!);
    for (const id of HTTP_SERVICES) {
      expect(k6.get(`http_req_duration{service:${id}}`), id).toEqual(new Map([['p(95)<500', true], ['p(99)<1000', true]]));
      expect(k6.get(`http_req_failed{service:${id}}`), id).toEqual(new Map([['rate<0.01', true]]));
    }
    expect(k6.has('http_req_duration'), 'alone, no overall latency threshold (no entry service)').toBe(false);

    for (const [name, run, scenario] of [['endpoints', alone, 'endpoints'], ['load --endpoints', beside, 'load']] as const) {
      const out = `${run.stdout}${run.stderr}`;
      expect(run.code, `load run ${name}: ${out.slice(-2000)}`).toBe(0);
      expect(out, name).toMatch(/verdict: PASS/);
      const root = join(dir, `reports-${name.split(' ')[0]}`);
      const load = readReport(root, runDirs(root).at(-1)!).suites.find((s) => s.suite === 'load')!;
      expect(load.data?.['scenario']).toBe(scenario);
      const services = load.data?.['services'] as { service: string; requests: number }[];
      expect(services.map((s) => s.service).sort(), name).toEqual(HTTP_SERVICES);
      for (const s of services) expect(s.requests, `${name}: ${s.service}`).toBeGreaterThan(0);
      for (const id of HTTP_SERVICES) {
        const judged = load.checks.filter((c) => c.service === id && c.id.startsWith('load/threshold/')).map((c) => `${c.name} ${c.outcome}`);
        expect(judged, `${name}: ${id}`).toEqual([`${id}: p95 < 500 ms pass`, `${id}: p99 < 1000 ms pass`, `${id}: error rate < 1% pass`]);
      }
      const overall = load.checks.some((c) => c.id === 'load/threshold/http_req_duration/p(95)<500');
      expect(overall, `${name}: overall latency judged only where the journeys enter through the gateway`).toBe(scenario === 'load');
      const plan = JSON.parse(await readFile((load.data?.['artifacts'] as { plan: string }).plan, 'utf8')) as unknown;
      expect(JSON.stringify(plan), 'no credential in the plan').not.toContain(loginCredentials(resolveCatalog(loadCatalog(), 'local', stack.env))['LOGIN_PASSWORD']!);
    }
  }, 180_000);
});
