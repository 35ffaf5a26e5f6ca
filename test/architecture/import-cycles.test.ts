import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { importCycles, importGraph } from './import-graph.ts';
import { trackedFiles } from '../helpers/tracked-files.ts';
import { importedSpecifiers, scan } from './source-scan.ts';

describe('the import graph', () => {
  it('has no cycle among the tracked .ts/.js files (type-only and lazy imports count)', async () => {
    const files = (await trackedFiles()).filter((f) => /\.(ts|js)$/.test(f));
    const graph = importGraph(PROJECT_ROOT, files);
    expect(files.length).toBeGreaterThan(300);
    expect([...graph.values()].flat().length, 'imports followed').toBeGreaterThan(1000);
    expect(importCycles(graph).map((cycle) => cycle.join(' <-> '))).toEqual([]);
  });

  it('finds a cycle through a type-only import, a lazy import() and a self-import', () => {
    const graph = new Map<string, string[]>([
      ['gate/run-gate.ts', ['gate/suite-runners.ts', 'core/result.ts']],
      ['gate/suite-runners.ts', ['gate/run-gate.ts']],
      ['core/result.ts', []],
      ['a.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts'], ['gate/run-gate.ts', 'gate/suite-runners.ts']]);
  });

  it('reads every form of import, and none inside a comment or a string', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "import './d.ts';",
      "const e = await import('./e.ts');",
      "type F = typeof import('./f.ts');",
      "const g = require('./g.js');",
      "// import { x } from './commented.ts';",
      "const script = `require('./in-a-template.ts')`;",
      "const arg = ['-e', \"require('./in-a-string.ts')\"];",
      "const re = /['\"`]/; import { h } from './h.ts';",
    ].join('\n');
    expect(importedSpecifiers(scan(text)).sort()).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.js', './h.ts']);
  });
});
