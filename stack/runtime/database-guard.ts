import type { DependencyHealth } from './health-types.ts';
import { probeDatabase } from './probes.ts';
import type { Reply } from './types.ts';

const CACHE_MS = 1_000;
let cached: { target: string; at: number; health: Promise<DependencyHealth> } | undefined;

/**
 * Answers 503 when the database at `target` cannot be reached (checked for real by `probe`, at most
 * once a second), as a service whose database is down or whose DATABASE_URL points at the wrong address would.
 */
export async function databaseGuard(target: string, probe: (target: string) => Promise<DependencyHealth> = probeDatabase, now: number = Date.now()): Promise<Reply | undefined> {
  if (!cached || cached.target !== target || now - cached.at > CACHE_MS) cached = { target, at: now, health: probe(target) };
  const health = await cached.health;
  if (health.status === 'healthy') return undefined;
  return { status: 503, body: { error: `database unreachable at ${target}: ${health.error ?? 'unknown error'}` } };
}
