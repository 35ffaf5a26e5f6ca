import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../core/suite.ts';
import { runChild } from '../infra/process.ts';
import { trackedFiles } from '../test/helpers/tracked-files.ts';

/**
 * `npm ci --omit=dev` then `tracseq-validate contracts consumer`: the project's tracked files are copied to a temp
 * folder whose node_modules holds only what `--omit=dev` installs (every package the lockfile does not mark
 * `dev`, linked from this checkout), so vitest and every other devDependency cannot be resolved from it.
 */
let dir: string;


async function productionModules(target: string): Promise<void> {
  const lock = JSON.parse(await readFile(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const wanted = Object.entries(lock.packages)
    .filter(([key, p]) => key.startsWith('node_modules/') && !key.slice(13).includes('node_modules/') && !p.dev)
    .map(([key]) => key.slice(13));
  for (const name of wanted) {
    const from = join(PROJECT_ROOT, 'node_modules', name);
    if (!existsSync(from)) continue; // an optional package for another platform
    await mkdir(dirname(join(target, name)), { recursive: true });
    await symlink(from, join(target, name), 'dir');
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'omit-dev-'));
  for (const file of (await trackedFiles()).filter((f) => existsSync(join(PROJECT_ROOT, f)))) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(PROJECT_ROOT, file), join(dir, file));
  }
  await productionModules(join(dir, 'node_modules'));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the contracts commands without devDependencies', () => {
  it('cannot resolve vitest or typescript from the copy, and can resolve Pact', () => {
    const require = createRequire(join(dir, 'cli', 'main.ts'));
    expect(() => require.resolve('vitest')).toThrow(/Cannot find module 'vitest'/);
    expect(() => require.resolve('typescript')).toThrow(/Cannot find module 'typescript'/);
    expect(require.resolve('@pact-foundation/pact')).toContain('@pact-foundation');
  });

  it('regenerates every pact with `contracts consumer` and covers every edge with `contracts coverage`', async () => {
    const env = { ...process.env, TRACSEQ_REPORTS_DIR: join(dir, 'reports'), PACT_BROKER_BASE_URL: '' };
    const cli = (args: string[]) => runChild({ command: process.execPath, args: [join(dir, 'bin', 'tracseq-validate.js'), ...args], cwd: dir, env, label: 'tracseq-validate', timeoutMs: 240_000 });
    const consumer = await cli(['contracts', 'consumer', '--pacts', join(dir, 'pacts')]);
    expect(consumer.tail).not.toMatch(/vitest|Cannot find module/);
    expect(consumer.stdout).toMatch(/^\d+ consumer tests passed in [\d.]+ s; 12 pact files in /);
    expect(consumer.code).toBe(0);
    expect(await readdir(join(dir, 'pacts'))).toHaveLength(12);
    const coverage = await cli(['contracts', 'coverage', '--pacts', join(dir, 'pacts')]);
    expect(coverage.code).toBe(0);
  }, 300_000);
});
