import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pact } from '@pact-foundation/pact';
import { pactFileName, pactsDir } from '../pact/pacts-dir.ts';

/**
 * A Pact V4 for one contract, writing to `dir` (default: the pacts folder). Its old pact file is deleted
 * first, so a consumer run regenerates the pact from empty (pact-js merges into an existing file otherwise).
 */
export function pactFor(consumer: string, provider: string, dir: string = pactsDir()): Pact {
  rmSync(join(dir, pactFileName(consumer, provider)), { force: true });
  return new Pact({ consumer, provider, dir, logLevel: 'error' });
}
