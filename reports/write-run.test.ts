import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HarnessError } from '../core/errors.ts';
import { RunReport } from '../core/result.ts';
import { fixtureReport } from './report-fixture.ts';
import { writeRunReports } from './write-run.ts';

describe('writeRunReports', () => {
  let root = '';
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'reports-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes report.json, junit.xml and summary.md into reports/<run-id> and points latest at it', async () => {
    const report = fixtureReport();
    const { dir, files } = await writeRunReports(report, { reportsRoot: root, env: {} });
    expect(dir).toBe(join(root, report.runId));
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['report.json', 'junit.xml', 'summary.md']);
    expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.json', 'summary.md']);
    expect(RunReport.parse(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')))).toEqual(report);
    expect(await readlink(join(root, 'latest'))).toBe(report.runId);
    expect(await readFile(join(root, 'latest', 'summary.md'), 'utf8')).toMatch(/^## ❌ tracseq-validate smoke: FAIL/);
  });

  it('moves latest to the newest run', async () => {
    await writeRunReports(fixtureReport(), { reportsRoot: root, env: {} });
    await writeRunReports(fixtureReport({ runId: 'run-2' }), { reportsRoot: root, env: {} });
    expect(await readlink(join(root, 'latest'))).toBe('run-2');
    expect((await readdir(root)).sort()).toEqual(['20261124T235900Z-smoke-ab12', 'latest', 'run-2']);
  });

  it('appends the summary to $GITHUB_STEP_SUMMARY, keeping what is already there', async () => {
    const stepSummary = join(root, 'step-summary.md');
    await writeFile(stepSummary, '# earlier step\n');
    await writeRunReports(fixtureReport(), { reportsRoot: root, env: { GITHUB_STEP_SUMMARY: stepSummary } });
    const text = await readFile(stepSummary, 'utf8');
    expect(text.startsWith('# earlier step\n## ❌ tracseq-validate smoke: FAIL')).toBe(true);
  });

  it('rejects a report that breaks the schema, naming the field, and writes nothing', async () => {
    const bad = { ...fixtureReport(), verdict: 'great' } as unknown as RunReport;
    const err = await writeRunReports(bad, { reportsRoot: root, env: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HarnessError);
    expect((err as HarnessError).exitCode).toBe(70);
    expect((err as HarnessError).details[0]).toMatch(/^report: verdict: /);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a run id that would escape the reports folder', async () => {
    await expect(writeRunReports(fixtureReport({ runId: '../evil' }), { reportsRoot: root, env: {} })).rejects.toThrow(/not a safe folder name/);
  });
});
