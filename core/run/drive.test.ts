import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, UnreachableError } from '../errors.ts';
import { RunReport, type SuiteResult } from '../result.ts';
import { drive } from './drive.ts';
import type { RunIo } from './io.ts';

const result = (outcome: SuiteResult['outcome']): SuiteResult => ({ suite: 'smoke', outcome, startedAt: new Date().toISOString(), durationMs: 1, checks: [] });

describe('the run driver', () => {
  let root = '';
  let out: string[] = [];
  let exits: number[] = [];
  let io: RunIo;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'drive-'));
    out = [];
    exits = [];
    io = { out: (t) => out.push(t), err: (t) => out.push(t), tty: false, env: { TRACSEQ_REPORTS_DIR: root }, exitNow: (c) => exits.push(c) };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const written = () => RunReport.parse(JSON.parse(readFileSync(join(root, 'latest', 'report.json'), 'utf8')));

  it('writes the report, prints the table and the report path, and picks the exit code from the verdict', async () => {
    const report = await drive({ command: 'smoke', env: 'local' }, io, async () => ({ results: [result('fail')], errors: [] }));
    expect([report.verdict, report.exitCode, report.interrupted]).toEqual(['fail', 1, false]);
    expect(written()).toEqual(report);
    expect(out.join('')).toMatch(/verdict: FAIL {2}exit 1 .*\nreport: .*index\.html\n$/s);
  });

  it('an error the body met is printed once and decides the exit code before the verdict', async () => {
    const report = await drive({ command: 'smoke', env: 'local' }, io, async (run) => ({ results: [result('fail')], errors: [run.fail(new ConfigError('catalog.yaml: bad', ['services[0].port: expected number']))] }));
    expect(report.exitCode).toBe(2);
    expect(out.filter((t) => t.startsWith('error: '))).toEqual(['error: catalog.yaml: bad\n  services[0].port: expected number\n']);
  });

  it('a first signal marks the partial report interrupted (130); a second exits at once', async () => {
    const report = await drive({ command: 'gate', env: 'local' }, io, async (run) => {
      process.emit('SIGINT', 'SIGINT');
      expect(run.signal.aborted).toBe(true);
      process.emit('SIGTERM', 'SIGTERM');
      return { results: [result('pass')], errors: [] };
    });
    expect(exits).toEqual([143]);
    expect([report.interrupted, report.exitCode]).toEqual([true, 130]);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('a release run fails on a warning, and a failed push turns a pass into its code', async () => {
    const release = await drive({ command: 'gate', env: 'local', warningsFail: true }, io, async () => ({ results: [result('warn')], errors: [] }));
    expect([release.verdict, release.exitCode]).toEqual(['fail', 1]);
    const pushed = await drive({ command: 'gate', env: 'local' }, io, async () => ({ results: [result('pass')], errors: [] }), {
      publish: async (_report, run) => [run.fail(new UnreachableError('--push-metrics: cannot push'))],
    });
    expect(pushed.exitCode).toBe(3);
    expect(written().exitCode).toBe(3);
  });

  it('writes the report the record step returns, and a record step that fails is printed and counts in the exit code', async () => {
    const recorded = await drive({ command: 'gate', env: 'local' }, io, async () => ({ results: [result('pass')], errors: [] }), {
      record: async (report) => ({ ...report, profile: 'recorded' }),
    });
    expect(written().profile).toBe('recorded');
    expect(recorded.exitCode).toBe(0);
    const failed = await drive({ command: 'gate', env: 'local' }, io, async () => ({ results: [result('pass')], errors: [] }), {
      record: async () => { throw new ConfigError('history.jsonl: cannot append'); },
    });
    expect([failed.verdict, failed.exitCode]).toEqual(['pass', 2]);
    expect(out).toContain('error: history.jsonl: cannot append\n');
  });

  it('a body that throws writes nothing and hands the error back', async () => {
    await expect(drive({ command: 'smoke', env: 'local' }, io, async () => { throw new ConfigError('no catalog'); })).rejects.toThrow('no catalog');
    expect(() => readFileSync(join(root, 'latest', 'report.json'))).toThrow();
  });
});
