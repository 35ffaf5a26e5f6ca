import { mkdtemp, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateK6 } from './locate.ts';

describe('finding k6', () => {
  it('prefers an explicit binary, then .tools/bin, then PATH', async () => {
    const root = await mkdtemp(join(tmpdir(), 'k6-locate-'));
    const bin = join(root, 'bin');
    await writeFile(join(root, 'k6'), '#!/bin/sh\n');
    await chmod(join(root, 'k6'), 0o755);
    expect(locateK6('/nowhere', { PATH: root })).toBe(join(root, 'k6'));
    expect(locateK6('/nowhere', { PATH: bin, K6_BINARY: join(root, 'k6') })).toBe(join(root, 'k6'));
  });

  it('says how to get k6 and exits 3 when it is missing', () => {
    let thrown: unknown;
    try {
      locateK6('/nowhere', { PATH: '/also/nowhere' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ exitCode: 3, message: expect.stringMatching(/^k6 not found .*scripts\/setup.*go install go.k6.io\/k6\/v2@v2.2.0/) });
  });

  it('does not fall back when an explicit path is wrong', () => {
    expect(() => locateK6('/nowhere', { PATH: '/usr/bin', K6_BINARY: '/no/k6' })).toThrow(/k6 not found at \/no\/k6 \(K6_BINARY\)/);
  });
});
