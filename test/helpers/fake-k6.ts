import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A stand-in k6 for tests that must prove k6 was (or was not) started: a shell script that records
 * each invocation's arguments (one line per call) and exits with `exitCode`. Nothing else runs.
 */
export function fakeK6(dir: string, exitCode = 104): { binary: string; calls: () => string[] } {
  const binary = join(dir, 'k6');
  const calls = join(dir, 'k6.calls');
  writeFileSync(binary, `#!/bin/sh\necho "$*" >> '${calls}'\necho 'level=error msg="fake k6 for the test"' >&2\nexit ${exitCode}\n`);
  chmodSync(binary, 0o755);
  return { binary, calls: () => (existsSync(calls) ? readFileSync(calls, 'utf8').split('\n').filter(Boolean) : []) };
}
