import { mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { symlinkAtomic, writeFileAtomic } from './atomic-write.ts';

describe('atomic writes', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces a file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'report.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('removes its temporary file and keeps the old target when the rename fails', async () => {
    const target = join(dir, 'busy');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['busy']);
    expect(await readdir(target)).toEqual(['child']);
  });

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.txt'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('moves a symlink to a new target in one step', async () => {
    const link = join(dir, 'latest');
    await symlinkAtomic('run-1', link);
    await symlinkAtomic('run-2', link);
    expect(await readlink(link)).toBe('run-2');
    expect(await readdir(dir)).toEqual(['latest']);
  });
});
