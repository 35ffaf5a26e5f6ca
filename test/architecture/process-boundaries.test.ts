import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { trackedFiles } from '../helpers/tracked-files.ts';
import { readsProc, scan, setsExit, spawnsChildren, type Scanned } from './source-scan.ts';

/**
 * Where the harness may start processes, read /proc and end the process. Benchmarks under scripts/
 * are their own programs and keep their own ways.
 */
let files: string[] = [];
const scanned = new Map<string, Scanned>();
beforeAll(async () => {
  files = (await trackedFiles()).filter((f) => /\.(ts|js)$/.test(f) && !f.startsWith('scripts/') && !f.startsWith('test/architecture/'));
  for (const f of files) scanned.set(f, scan(readFileSync(join(PROJECT_ROOT, f), 'utf8')));
});

/** The one place that sets the exit code, and the entries of other programs (a reference service, the forked pact workers). */
const EXIT_ALLOWED = ['bin/tracseq-validate.js', 'contracts/consumer/consumer-worker.ts', 'contracts/verify/verify-worker.ts', 'stack/runtime/service-main.ts'];

describe('process boundaries', () => {
  it('reads every tracked source file', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('bin/tracseq-validate.js');
  });

  it('only infra/ and stack/ import node:child_process (tests included)', () => {
    const offenders = files.filter((f) => !f.startsWith('infra/') && !f.startsWith('stack/') && spawnsChildren(scanned.get(f)!));
    expect(offenders).toEqual([]);
  });

  it('nothing outside scripts/ reads /proc', () => {
    expect(files.filter((f) => readsProc(scanned.get(f)!))).toEqual([]);
  });

  it('only the CLI entry sets the exit code or exits (and the entries of the processes the harness starts)', () => {
    expect(files.filter((f) => setsExit(scanned.get(f)!))).toEqual(EXIT_ALLOWED);
  });

  it('the checks see through comments and child scripts, and catch every form', () => {
    const check = (text: string) => { const s = scan(text); return { spawns: spawnsChildren(s), proc: readsProc(s), exits: setsExit(s) }; };
    expect(check("import { spawn } from 'node:child_process';")).toMatchObject({ spawns: true });
    expect(check("const { execFile } = await import('child_process');")).toMatchObject({ spawns: true });
    expect(check("// import { spawn } from 'node:child_process';\nconst s = `require('node:child_process')`;")).toMatchObject({ spawns: false });
    expect(check('readFileSync(`/proc/${pid}/stat`, "utf8");')).toMatchObject({ proc: true });
    expect(check("readdirSync('/proc');")).toMatchObject({ proc: true });
    expect(check('/** reads no /proc */ const p = "/process";')).toMatchObject({ proc: false });
    expect(check('process.exitCode = 1;')).toMatchObject({ exits: true });
    expect(check('proc.exit(130);')).toMatchObject({ exits: true });
    expect(check("process['exit'](2);")).toMatchObject({ exits: true });
    expect(check("/* process.exit(1) */ args: ['-e', 'process.exit(3)']")).toMatchObject({ exits: false });
  });
});
