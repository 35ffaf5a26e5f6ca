import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuite } from '../../core/result.ts';
import { freePort } from '../../infra/free-port.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { filesUnder, readReport, reportProblems, runDirs } from '../helpers/report-dirs.ts';
import { filesContaining, JWT, linesContaining, secretForms } from './canary-files.ts';

/**
 * Secrets: one canary value as the stack's JWT secret, the Pact Broker token (broker unreachable on
 * loopback), the Prometheus basic-auth password and a Prometheus bearer token. After full gate runs
 * with failures in them, the canary (as is, URL-encoded or inside basic auth) and any JWT appear in
 * no file under the reports folder and in no line of output. A Prometheus that echoes the
 * credentials and the query string it received back into its error, and a service URL carrying a
 * password and a token in its query string, test the redaction of what reports show.
 */
const CANARY = `canary-${randomBytes(6).toString('hex')}`;
const USER = 'tracseq-ci';
const NEEDLES = secretForms(CANARY, USER);
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-secrets-'));
const reports = join(tmp, 'reports');
let echo: Server;
let echoUrl = '';

beforeAll(async () => {
  echo = createServer((req, res) => {
    const said = `Authorization: ${req.headers.authorization ?? 'none'} on ${req.url ?? ''}`;
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', errorType: 'unauthorized', error: `credentials rejected (${said})` }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => echo?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

const BASE_ENV = { TRACSEQ_REPORTS_DIR: reports, TRACSEQ_PACTS_DIR: join(tmp, 'pacts'), TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo-history'), TRACSEQ_CONTRACTS_MATRIX: join(reports, '.contracts', 'matrix.json') };

function expectNoCanary(run: CliResult): void {
  expect(linesContaining(`${run.stdout}\n${run.stderr}`, NEEDLES, JWT), 'output lines carrying a secret').toEqual([]);
}

describe('secrets never reach the reports or the output', () => {
  it('a full local gate with a broken deploy, an unreachable broker and pushgateway: no canary, no JWT', async () => {
    const closed = await freePort();
    const load = join(tmp, 'load.json');
    writeFileSync(load, JSON.stringify({ rate: 40, ramp: '1s', thinkScale: 0 }));
    const run = await runCli([
      'gate', '--env', 'local', '--target', 'local', '--profile', 'deploy', '--suites', 'contracts,load,slo',
      '--load-config', load, '--load-duration', '3s', '--fault', 'sample-service:latency=600ms',
      '--push-metrics', `http://${USER}:${CANARY}@127.0.0.1:${closed}/?token=${CANARY}`,
    ], {
      timeoutMs: 240_000,
      env: {
        ...BASE_ENV,
        JWT_SECRET_KEY: CANARY,
        PACT_BROKER_BASE_URL: `http://127.0.0.1:${closed}`,
        PACT_BROKER_TOKEN: CANARY,
        PROMETHEUS_USERNAME: USER,
        PROMETHEUS_PASSWORD: CANARY,
      },
    });
    expect(run.signal).toBeNull();
    expect(run.code, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(1);
    expect(run.stdout).toMatch(/^FAIL load /m);
    expectNoCanary(run);
    // Every secret was in play: the broker was asked (and was unreachable), the SLO suite sent basic auth,
    // the load ran on tokens the stack signed with the canary, and the push was tried.
    const report = readReport(reports, runDirs(reports).at(-1)!);
    const checks = report.suites.flatMap((s) => s.checks);
    expect(`${report.suites.find((s) => s.suite === 'contracts')?.reason ?? ''} ${checks.map((c) => c.failure?.message ?? '').join(' ')}`).toContain(`Pact Broker unreachable at http://127.0.0.1:${closed}`);
    expect(findSuite(report, 'slo')?.data?.auth).toBe(`basic auth as ${USER} (password from env PROMETHEUS_PASSWORD)`);
    expect(findSuite(report, 'load')?.data?.overall).toMatchObject({ requests: expect.any(Number) });
    expect(run.stderr).toMatch(/--push-metrics: cannot push to http:\/\/127\.0\.0\.1:\d+/);
  });

  it('a gate whose Prometheus echoes the bearer token and the query it got: the report says why, without the token', async () => {
    const run = await runCli(['gate', '--env', 'local', '--profile', 'deploy', '--suites', 'slo', '--prometheus', echoUrl], {
      timeoutMs: 60_000,
      env: { ...BASE_ENV, PROMETHEUS_BEARER_TOKEN: CANARY },
    });
    expect(run.code, run.stdout).toBe(3);
    expect(run.stdout).toMatch(/credentials rejected \(Authorization: Bearer \*\*\*/);
    expectNoCanary(run);
  });

  it('slo evaluate against a Prometheus that echoes basic auth: the password and its base64 are redacted', async () => {
    const run = await runCli(['slo', 'evaluate', '--prometheus', echoUrl, '--window', '5m', '--services', 'sample-service', '--no-store'], {
      timeoutMs: 60_000,
      env: { ...BASE_ENV, PROMETHEUS_USERNAME: USER, PROMETHEUS_PASSWORD: CANARY },
    });
    expect(run.code, run.stdout).toBe(3);
    expect(run.stdout).toMatch(/Authorization: Basic \*\*\*/);
    expectNoCanary(run);
  });

  it('a service URL with a password and a token in its query string is redacted wherever the URL is shown', async () => {
    const closed = await freePort();
    const run = await runCli(['smoke', '--env', 'local', '--services', 'sample-service', '--timeout', '2s'], {
      timeoutMs: 60_000,
      env: { ...BASE_ENV, SAMPLE_SERVICE_URL: `http://${USER}:${CANARY}@127.0.0.1:${closed}/?access_token=${CANARY}` },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^FAIL smoke sample-service health http:\/\/\*\*\*@127\.0\.0\.1:\d+\/\?access_token=\*\*\*: connection refused/m);
    expectNoCanary(run);
  });

  it('no file under the reports folder holds the canary or a JWT, and every report is whole', () => {
    expect(filesUnder(reports).length).toBeGreaterThan(5);
    expect(filesContaining(reports, NEEDLES, JWT)).toEqual([]);
    expect(reportProblems(reports)).toEqual([]);
  });
});
