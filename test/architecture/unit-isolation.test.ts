import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { trackedFiles } from '../helpers/tracked-files.ts';
import { scan } from './source-scan.ts';

/**
 * The unit project runs its files in two threads that share one module cache (vitest.config.ts:
 * `isolate: false`). That is only right while no unit test changes shared state: mocks a module,
 * stubs a global or the environment, fakes the clock, or writes process-wide settings. This check
 * keeps it so; a test that needs any of those belongs in an isolated project.
 */
const SHARED_STATE = [
  { what: 'a module mock', pattern: /\bvi\s*\.\s*(?:mock|doMock|hoisted)\s*\(/ },
  { what: 'a stubbed global or environment variable', pattern: /\bvi\s*\.\s*(?:stubGlobal|stubEnv|spyOn)\s*\(/ },
  { what: 'fake timers', pattern: /\bvi\s*\.\s*useFakeTimers\s*\(/ },
  { what: 'a write to process.env', pattern: /(?:\bdelete\s+)process\.env\b|process\.env\s*(?:\.\s*\w+|\[[^\]]*\])\s*(?:=(?!=)|\+=)|process\.env\s*=(?!=)|Object\.assign\s*\(\s*process\.env\b/ },
  { what: 'a process-wide setting', pattern: /process\s*\.\s*(?:chdir|umask|setUncaughtExceptionCaptureCallback)\s*\(|process\.exitCode\s*=(?!=)/ },
] as const;

/** What in `text` (a test file's source) changes state the other unit files share. */
function sharedStateWrites(text: string): string[] {
  const { code } = scan(text);
  return SHARED_STATE.filter((s) => s.pattern.test(code)).map((s) => s.what);
}

const isUnitTest = (file: string) => file.endsWith('.test.ts') && !file.endsWith('.int.test.ts') && !file.endsWith('.pact.test.ts') && !file.startsWith('test/faults/');

describe('unit tests share no state (they run without per-file isolation)', () => {
  it('finds each kind of shared-state write in a sample', () => {
    expect(sharedStateWrites("vi.mock('../x.ts');")).toEqual(['a module mock']);
    expect(sharedStateWrites("vi.stubEnv('A', '1');")).toEqual(['a stubbed global or environment variable']);
    expect(sharedStateWrites('vi.useFakeTimers();')).toEqual(['fake timers']);
    expect(sharedStateWrites("process.env.TRACSEQ_ENV = 'x';")).toEqual(['a write to process.env']);
    expect(sharedStateWrites("process.env['A'] = 'x';")).toEqual(['a write to process.env']);
    expect(sharedStateWrites('delete process.env.A;')).toEqual(['a write to process.env']);
    expect(sharedStateWrites("process.chdir('/');")).toEqual(['a process-wide setting']);
    // Reading is fine, and so is text that only mentions it.
    expect(sharedStateWrites("const a = process.env.A === 'x'; // vi.mock('y')\nconst s = 'process.exitCode = 1';")).toEqual([]);
  });

  it('no unit test file mocks, stubs or writes shared state', async () => {
    const files = (await trackedFiles()).filter(isUnitTest);
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      for (const what of sharedStateWrites(await readFile(join(PROJECT_ROOT, file), 'utf8'))) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
