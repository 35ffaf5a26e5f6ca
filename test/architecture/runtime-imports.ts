import { existsSync, readFileSync, statSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { importedSpecifiers, scan } from './source-scan.ts';

/**
 * What a module loads when it runs: its imports with the types stripped first (an `import type` loads
 * nothing), plus the modules it starts by path (`new URL('./worker.ts', import.meta.url)`: the forked
 * workers) and the packages it resolves (`createRequire(...).resolve('pkg/bin.js')`).
 */
export function runtimeSpecifiers(text: string): string[] {
  const s = scan(stripTypeScriptTypes(text, { mode: 'strip' }));
  const token = '"#(\\d+)"';
  const started = [new RegExp(`\\bnew\\s+URL\\s*\\(\\s*${token}\\s*,\\s*import\\.meta\\.url\\s*\\)`, 'g'), new RegExp(`\\.resolve\\s*\\(\\s*${token}\\s*\\)`, 'g')];
  const more = started.flatMap((p) => [...s.code.matchAll(p)].map((m) => s.strings[Number(m[1])] ?? ''));
  return [...new Set([...importedSpecifiers(s), ...more])];
}

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface RuntimeClosure {
  /** Project modules reached, relative to the root. */
  readonly files: readonly string[];
  /** Packages reached, each with the first project file that loads it. */
  readonly packages: ReadonlyMap<string, string>;
}

/** Follows run-time relative imports from `entries` (relative to `root`), collecting modules and the npm packages they load. */
export function runtimeClosure(root: string, entries: readonly string[]): RuntimeClosure {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(root, file)}: loaded but not found`);
    // `new URL('..', import.meta.url)` names a folder, `new URL('x.yaml', ...)` a data file: not modules.
    if (statSync(file).isDirectory() || !/\.(ts|js|mjs)$/.test(file)) continue;
    files.add(file);
    for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:') && !packages.has(packageOf(spec))) packages.set(packageOf(spec), relative(root, file));
    }
  }
  return { files: [...files].map((f) => relative(root, f)).sort(), packages };
}
