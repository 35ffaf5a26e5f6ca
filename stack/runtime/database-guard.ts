import type { DependencyHealth } from './health-types.ts';
import { probeDatabase } from './probes.ts';
import type { Reply } from './types.ts';

const CACHE_MS = 1_000;
let cached: { target: string; at: number; health: Promise<DependencyHealth> } | undefined;

/**
 * Answers 503 when the simulated database at `target` cannot be reached (probed for real, at most once a second),
 * as a service whose DATABASE_URL points at the wrong address would.
 */
export async function databaseGuard(target: string, now: number = Date.now()): Promise<Reply | undefined> {
  if (!cached || cached.target !== target || now - cached.at > CACHE_MS) cached = { target, at: now, health: probeDatabase(target) };
  const health = await cached.health;
  if (health.status === 'healthy') return undefined;
  return { status: 503, body: { error: `database unreachable at ${target}: ${health.error ?? 'unknown error'}` } };
}
