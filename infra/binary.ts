import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UnreachableError } from '../core/errors.ts';

/**
 * Finds a tool the harness runs (prometheus, promtool, nginx, an exporter): an executable of that
 * name on PATH, then in the folders Debian installs into (daemons such as nginx live in /usr/sbin,
 * which a non-root PATH often leaves out). Never a machine-specific path.
 */
export const SYSTEM_DIRS: readonly string[] = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folders of `env.PATH`, in order. */
export function pathDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env['PATH'] ?? '').split(delimiter).filter(Boolean);
}

/** The first executable `name` on PATH or in the system folders; undefined when there is none. */
export function findBinary(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...new Set([...pathDirs(env), ...SYSTEM_DIRS])];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

/**
 * Like findBinary, but a missing tool is exit 3 (the gate could not judge), naming the Debian
 * package that brings it and the setup script that installs it.
 */
export function requireBinary(name: string, debianPackage: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = findBinary(name, env);
  if (found) return found;
  throw new UnreachableError(`${name} not found on PATH or in ${SYSTEM_DIRS.join(', ')}: install the Debian package ${debianPackage} (scripts/setup does)`);
}
