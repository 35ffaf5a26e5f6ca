import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { connectionRecorder } from '../helpers/connection-recorder.ts';
import { fakeK6 } from '../helpers/fake-k6.ts';
import { reportProblems } from '../helpers/report-dirs.ts';

/**
 * Load safety: load aimed at a host that is neither loopback nor on the allowlist (the catalog's
 * non-production environments), or at an environment marked production, is refused with exit 2
 * before anything connects anywhere. 203.0.113.10 (TEST-NET-3) is only ever a refused target; every
 * child records (and blocks) its connection attempts, and k6 is a fake that records being started.
 */
const tmp = mkdtempSync(join(tmpdir(), 'tracseq-load-safety-'));
const reports = join(tmp, 'reports');
const REFUSED = '203.0.113.10';
let seq = 0;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function load(args: string[], urls: Record<string, string> = {}) {
  const name = `run-${(seq += 1)}`;
  const k6 = fakeK6(mkdtempSync(join(tmp, `${name}-k6-`)));
  const recorder = connectionRecorder(tmp, name);
  const result = await runCli(args, {
    timeoutMs: 30_000,
    env: { ...recorder.env, K6_BINARY: k6.binary, TRACSEQ_REPORTS_DIR: reports, TRACSEQ_SLO_HISTORY_DIR: join(tmp, 'slo'), API_GATEWAY_URL: '', ...urls },
  });
  return { ...result, k6Calls: k6.calls(), attempts: recorder.attempts() };
}

const nonLoopback = (attempts: { host: string }[]) => attempts.filter((a) => !/^(127\.|::1$|localhost$)/.test(a.host));

describe('load safety: refused targets get no traffic', () => {
  it('the connection recorder itself sees an attempt to the refused address (control)', async () => {
    const out = await load(['smoke', '--env', 'local', '--services', 'sample-service', '--timeout', '1s'], { SAMPLE_SERVICE_URL: `http://${REFUSED}:8081` });
    expect(out.attempts.some((a) => a.kind === 'connect' && a.host === REFUSED), JSON.stringify(out.attempts)).toBe(true);
  });

  it('refuses load on a host that is neither loopback nor allowlisted, before any connection or k6 start', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'local', '--duration', '2s'], { API_GATEWAY_URL: `http://${REFUSED}:8089` });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`^error: refusing to send load to ${REFUSED.replaceAll('.', '\\.')}: not on the allowlist .*; pass --allow-host ${REFUSED.replaceAll('.', '\\.')} to do it on purpose$`, 'm'));
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('does not let --allow-production open a host that is on no catalog environment', async () => {
    const out = await load(['load', 'run', 'load', '--env', 'staging', '--allow-production', '--duration', '2s'], { API_GATEWAY_URL: `http://${REFUSED}:8089` });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/refusing to send load to 203\.0\.113\.10: not on the allowlist/);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('refuses load on an environment marked production without --allow-production', async () => {
    const out = await load(['load', 'run', 'load', '--env', 'production', '--duration', '2s']);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/^error: refusing to send load to the production environment "production" \(https:\/\/api-gateway\.tracseq\.example\); pass --allow-production/m);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('refuses the endpoints scenario when any one service it would call is not allowed, before any connection or k6 start', async () => {
    const out = await load(['load', 'run', 'endpoints', '--env', 'local', '--duration', '2s'], { QAQC_SERVICE_URL: `http://${REFUSED}:8092` });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`^error: refusing to send load to ${REFUSED.replaceAll('.', '\\.')}: not on the allowlist`, 'm'));
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('refuses a production environment even when its URL is overridden to loopback', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'production'], { API_GATEWAY_URL: 'http://127.0.0.1:1' });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/refusing to send load to the production environment "production" \(http:\/\/127\.0\.0\.1:1\)/);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('refuses a production host reached from another environment without --allow-production', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'staging'], { API_GATEWAY_URL: 'https://api-gateway.tracseq.example' });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/refusing to send load to api-gateway\.tracseq\.example: it is a host of the production environment "production"; pass --allow-production/);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('refuses to write a k6-operator TestRun for production without --allow-production', async () => {
    const out = await load(['load', 'k8s', 'load', '--env', 'production', '--out', join(tmp, 'testrun.yaml')]);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/refusing to send load to the production environment "production"/);
    expect(out.k6Calls).toEqual([]);
    expect(out.attempts).toEqual([]);
  });

  it('the gate refuses its load step on a production environment (exit 2) and sends nothing', async () => {
    const out = await load(['gate', '--env', 'production', '--profile', 'deploy', '--suites', 'load', '--prometheus', 'http://127.0.0.1:1']);
    expect(out.code, `${out.stdout}\n${out.stderr}`).toBe(2);
    expect(`${out.stdout}\n${out.stderr}`).toMatch(/refusing to send load to the production environment "production"/);
    expect(out.k6Calls).toEqual([]);
    expect(nonLoopback(out.attempts)).toEqual([]);
  });
});

describe('load safety: what is allowed still runs (the refusals are not a blanket no)', () => {
  it('with --allow-host naming it, a host on no catalog environment goes on to k6 (the harness itself connects nowhere)', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'local', '--allow-host', REFUSED], { API_GATEWAY_URL: `http://${REFUSED}:8089` });
    expect(out.stderr).toMatch(/\(named by --allow-host\)/);
    expect(out.k6Calls[0]).toMatch(new RegExp(`^inspect .*BASE_URL=http://${REFUSED.replaceAll('.', '\\.')}:8089`));
    expect(out.attempts).toEqual([]);
  });


  it('with --allow-production a production environment goes on to k6', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'production', '--allow-production'], { API_GATEWAY_URL: 'http://127.0.0.1:1' });
    expect(out.stderr).not.toMatch(/refusing to send load/);
    expect(out.k6Calls[0]).toMatch(/^inspect .*BASE_URL=http:\/\/127\.0\.0\.1:1/);
    expect(nonLoopback(out.attempts)).toEqual([]);
  });

  it('a host of a non-production catalog environment is on the allowlist', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'staging']);
    expect(out.stderr).toMatch(/load: smoke-load against http:\/\/api-gateway\.staging\.tracseq\.internal:8089 \(environment staging\)/);
    expect(out.k6Calls[0]).toMatch(/^inspect /);
    expect(nonLoopback(out.attempts)).toEqual([]);
  });

  it('loopback is always allowed', async () => {
    const out = await load(['load', 'run', 'smoke-load', '--env', 'local'], { API_GATEWAY_URL: 'http://127.0.0.1:1' });
    expect(out.stderr).toMatch(/\(loopback\)/);
    expect(out.k6Calls[0]).toMatch(/^inspect /);
  });

  it('leaves no half-written report behind', () => {
    expect(reportProblems(reports)).toEqual([]);
  });
});
