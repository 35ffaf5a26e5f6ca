import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { runCli } from '../../test/helpers/cli.ts';

/** The real CLI and the real k6: exit codes for the failures that must stop a run before any load. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const res = await runCli(args, {
    cwd: PROJECT_ROOT,
    timeoutMs: 60_000,
    env: { TRACSEQ_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'load-cli-')), API_GATEWAY_URL: 'http://127.0.0.1:9', ...env },
  });
  return { code: res.code, out: `${res.stdout}${res.stderr}` };
}

describe('load run from the CLI', () => {
  it('says how to get k6 and exits 3 when k6 is missing', async () => {
    const { code, out } = await cli(['load', 'run', 'smoke-load'], { K6_BINARY: '/nonexistent/k6' });
    expect(code).toBe(3);
    expect(out).toMatch(/k6 not found at \/nonexistent\/k6 \(K6_BINARY\): get it with `scripts\/setup`/);
    expect(out).toContain('go install go.k6.io/k6/v2@v2.2.0');
  });

  it('exits 2 with the script error when k6 rejects a setting (a soak over its bound)', async () => {
    const { code, out } = await cli(['load', 'run', 'soak', '--duration', '5h']);
    expect(code).toBe(2);
    expect(out).toMatch(/the k6 script threw an exception \(k6 inspect exit 107\): --env DURATION: a soak is bounded to 4h/);
  });

  it('exits 2 on a bad flag, naming it', async () => {
    const { code, out } = await cli(['load', 'run', 'load', '--rate', 'lots']);
    expect(code).toBe(2);
    expect(out).toContain('--rate: "lots" is not a number');
  });

  it('refuses production without --allow-production (exit 2), before starting k6', async () => {
    const { code, out } = await cli(['load', 'run', 'load', '--env', 'production'], { API_GATEWAY_URL: '' });
    expect(code).toBe(2);
    expect(out).toMatch(/refusing to send load to the production environment "production".*--allow-production/);
  });

  it('exits 3 when the target does not answer (setup cannot log in)', async () => {
    const { code, out } = await cli(['load', 'run', 'smoke-load', '--duration', '2s']);
    expect(code).toBe(3);
    expect(out).toMatch(/setup: login as admin@lab.local at http:\/\/127.0.0.1:9 failed \(HTTP 0: no response\)/);
  });
});
