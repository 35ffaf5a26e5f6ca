import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../core/suite.ts';

/** Where consumer tests write pacts: $TRACSEQ_PACTS_DIR, else pacts/ at the project root (gitignored). */
export function pactsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['TRACSEQ_PACTS_DIR'] ?? join(PROJECT_ROOT, 'pacts'));
}

/** The file pact-js writes for a consumer/provider pair. */
export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}
