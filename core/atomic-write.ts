import { randomBytes } from 'node:crypto';
import { open, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `content` to `path` atomically: a temporary file in the same directory, flushed to disk,
 * then renamed over the target. Readers see the old file or the whole new one, never half of it.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = tempBeside(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Points the symlink `link` at `target` atomically (a temporary link renamed over the old one). */
export async function symlinkAtomic(target: string, link: string): Promise<void> {
  const temp = tempBeside(link);
  try {
    await symlink(target, temp);
    await rename(temp, link);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
