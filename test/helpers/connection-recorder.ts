import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./record-connections.ts', import.meta.url));

export interface ConnectionAttempt {
  kind: 'connect' | 'lookup';
  host: string;
  port: unknown;
  pid: number;
}

/**
 * Env for a CLI child that records every connection attempt and DNS lookup (and blocks any that
 * leaves loopback), plus a reader for what was recorded.
 */
export function connectionRecorder(dir: string, name: string): { env: NodeJS.ProcessEnv; attempts: () => ConnectionAttempt[] } {
  const log = join(dir, `${name}.connections.jsonl`);
  return {
    env: { NODE_OPTIONS: `--import=${PRELOAD}`, TRACSEQ_TEST_CONNECT_LOG: log },
    attempts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ConnectionAttempt) : []),
  };
}
