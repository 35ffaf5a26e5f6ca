import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../test/helpers/run-tool.ts';
import { runCli } from '../testing/cli-run.ts';

/**
 * CI checks for the generated rules: the committed files are what `slo rules` writes today,
 * `promtool check rules` accepts them, and `promtool test rules` (synthetic series in, alerts
 * expected to fire or stay quiet) passes, and fails when the burn-rate maths is broken.
 */
const promtool = (...args: string[]) => runTool('/usr/bin/promtool', args, { timeoutMs: 100_000 }).then((r) => ({ code: r.code ?? -1, out: r.stdout + r.stderr }));
let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'slo-rules-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('generated Prometheus rules', () => {
  it('are committed as `slo rules` writes them (catalog and the sample-service test subset)', async () => {
    const all = await runCli(['slo', 'rules'], {});
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(await readFile('slo/rules/tracseq-slo-rules.yaml', 'utf8'));
    const subset = await runCli(['slo', 'rules', '--services', 'sample-service'], {});
    expect(subset.stdout).toBe(await readFile('slo/rules/tests/sample-service-rules.yaml', 'utf8'));
  });

  it('pass promtool check rules', async () => {
    const r = await promtool('check', 'rules', 'slo/rules/tracseq-slo-rules.yaml', 'slo/rules/tests/sample-service-rules.yaml', 'testdata/slo/out-rules.yaml');
    expect(r.out).toMatch(/SUCCESS: 1038 rules found/);
    expect(r.code).toBe(0);
  });

  it('pass promtool test rules: alerts fire on fast and slow burns and stay quiet when healthy', async () => {
    const r = await promtool('test', 'rules', 'slo/rules/tests/sample-service.test.yaml');
    expect(r.out).toContain('SUCCESS');
    expect(r.code).toBe(0);
  });

  it('fail promtool test rules when the page factor is wrong, so the tests can catch a regression', async () => {
    const rules = await readFile('slo/rules/tests/sample-service-rules.yaml', 'utf8');
    await writeFile(join(dir, 'sample-service-rules.yaml'), rules.replaceAll('(6 * (1 - ', '(60 * (1 - '));
    await copyFile('slo/rules/tests/sample-service.test.yaml', join(dir, 'sample-service.test.yaml'));
    const r = await promtool('test', 'rules', join(dir, 'sample-service.test.yaml'));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/FAILED[\s\S]*SampleServiceLatencyP95ErrorBudgetBurn/);
  });
});
