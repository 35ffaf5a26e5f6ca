import { existsSync, readFileSync, statSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

/**
 * What a module loads at run time, read from its source with the types stripped (so `import type` is
 * gone): static and dynamic imports with a literal specifier, re-exports, `require`/`require.resolve`,
 * and modules started by path (`new URL('./worker.ts', import.meta.url)`, the forked workers).
 */
const PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

export function specifiers(source: string): string[] {
  const code = stripTypeScriptTypes(source, { mode: 'strip' });
  return [...new Set(PATTERNS.flatMap((p) => [...code.matchAll(p)].map((m) => m[1]!)))];
}

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface ImportGraph {
  /** Project files reached, relative to the root. */
  readonly files: readonly string[];
  /** Packages reached, each with the first project file that loads it. */
  readonly packages: ReadonlyMap<string, string>;
}

/** Follows relative imports from `entries` (paths relative to `root`), collecting files and the npm packages they load. */
export function importGraph(root: string, entries: readonly string[]): ImportGraph {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(root, file)}: imported but not found`);
    seen.add(file);
    // `new URL('..', import.meta.url)` names a folder, `new URL('x.yaml', ...)` a data file: not modules.
    if (statSync(file).isDirectory() || !/\.(ts|js|mjs)$/.test(file)) continue;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:') && !packages.has(packageOf(spec))) packages.set(packageOf(spec), relative(root, file));
    }
  }
  return { files: [...seen].filter((f) => !statSync(f).isDirectory()).map((f) => relative(root, f)).sort(), packages };
}
