import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { runtimeClosure, runtimeSpecifiers } from './runtime-imports.ts';

/** Packages `npm ci --omit=dev` leaves out: the lockfile marks them `dev`. */
function devOnlyPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return new Set(Object.entries(lock.packages).filter(([key, p]) => key.startsWith('node_modules/') && p.dev).map(([key]) => key.slice('node_modules/'.length)));
}

/**
 * The CLI's contracts commands (cli/main.ts loads cli/commands/<name>.ts by name) and the workers they
 * fork must load no package that `npm ci --omit=dev` leaves out.
 */
const ENTRIES = ['bin/tracseq-validate.js', 'cli/main.ts', 'cli/commands/contracts.ts'];

describe('what the contracts commands load at run time', () => {
  const graph = runtimeClosure(PROJECT_ROOT, ENTRIES);

  it('reaches the consumer and verifier workers and Pact itself (the walk is not empty)', () => {
    expect(graph.files).toEqual(expect.arrayContaining([
      'contracts/consumer/consumer-worker.ts', 'contracts/verify/verify-worker.ts', 'contracts/consumers.ts',
      'contracts/event-service--storage-service.pact.ts', 'contracts/run.ts', 'stack/clients/sample-client.ts',
    ]));
    expect([...graph.packages.keys()]).toEqual(expect.arrayContaining(['@pact-foundation/pact', '@pact-foundation/pact-cli', 'zod', 'commander']));
  });

  it('loads no devDependency (nor any package only a devDependency needs)', () => {
    const dev = devOnlyPackages();
    expect(dev.has('vitest')).toBe(true);
    const offending = [...graph.packages].filter(([name]) => dev.has(name)).map(([name, file]) => `${file} loads ${name}`);
    expect(offending).toEqual([]);
  });

  it('sees a devDependency where one is loaded, and no type-only import', () => {
    const text = "import { describe } from 'vitest';\nimport type { Pact } from '@pact-foundation/pact';\n// import 'typescript';\nconst w = new URL('./w.ts', import.meta.url);\nconst b = require.resolve('@pact-foundation/pact-cli/bin/pact-broker.js');";
    expect(runtimeSpecifiers(text)).toEqual(['vitest', './w.ts', '@pact-foundation/pact-cli/bin/pact-broker.js']);
    expect(runtimeClosure(PROJECT_ROOT, ['contracts/consumers.pact.test.ts']).packages.has('vitest')).toBe(true);
  });
});
