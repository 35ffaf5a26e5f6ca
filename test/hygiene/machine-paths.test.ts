import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { trackedFiles } from '../helpers/tracked-files.ts';

/** An absolute home or work path: /home/<user>/, /Users/<user>/, /root/<x>, /work/<x>. */
const MACHINE_PATH = /(?<![\w.-])\/(?:home|Users|root|work)\/[A-Za-z0-9_.-]+/;
/** A package registry or module proxy named by host: each tool's own configuration decides that. */
const REGISTRY_HOST = /\b(?:registry\.npmjs\.org|registry\.yarnpkg\.com|proxy\.golang\.org|goproxy\.\w+|deb\.debian\.org|security\.debian\.org)\b/;

/** `file:line: text` for every line of a tracked text file that matches `pattern`. */
function offending(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) => {
    const raw = readFileSync(join(PROJECT_ROOT, file));
    if (raw.includes(0)) return [];
    return raw.toString('utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : []));
  });
}

describe('nothing machine-specific is tracked', () => {
  it('no tracked file holds an absolute home or work path', async () => {
    expect(offending(await trackedFiles(), MACHINE_PATH)).toEqual([]);
  });

  it('no tracked file names a package registry or module proxy host', async () => {
    const files = (await trackedFiles()).filter((f) => f !== 'package-lock.json');
    expect(offending(files, REGISTRY_HOST)).toEqual([]);
  });

  // The samples are put together at run time, so that this file holds none of what it looks for.
  const path = (top: string, rest: string) => `/${top}/${rest}`;
  it('recognises what it must refuse and leaves look-alikes alone', () => {
    expect(MACHINE_PATH.test(`"binary": "${path('work', 'main/.tools/bin/k6')}"`)).toBe(true);
    expect(MACHINE_PATH.test(`cd ${path('home', 'alice/src')}`)).toBe(true);
    expect(MACHINE_PATH.test('see reports/work/x or ./root/file or /tmp/p')).toBe(false);
    expect(REGISTRY_HOST.test(`GOPROXY=https:${'//'}proxy.${'golang'}.org`)).toBe(true);
  });
});
