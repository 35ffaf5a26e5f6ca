import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureReport } from '../report-fixture.ts';
import { writeRunReports } from '../write-run.ts';

describe('index.html beside report.json', () => {
  let root = '';
  beforeEach(async () => { root = await mkdtemp(join(tmpdir(), 'reports-html-')); });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  it('every run written with html on gets index.html next to report.json, reachable through latest', async () => {
    const report = fixtureReport();
    const { dir, files } = await writeRunReports(report, { reportsRoot: root, env: {}, html: true });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['report.json', 'junit.xml', 'summary.md', 'index.html']);
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'junit.xml', 'report.json', 'summary.md']);
    const html = await readFile(join(root, 'latest', 'index.html'), 'utf8');
    expect(html).toContain(`<title>FAIL · smoke local · ${report.runId}</title>`);
    expect(html).toContain('FAIL smoke sample-service health http://127.0.0.1:8081/health: connection refused (ECONNREFUSED) second line [connection-refused]');
  });
});
