import { request } from 'undici';
import { z } from 'zod';
import { UnreachableError } from '../core/errors.ts';
import { waitUntil, type Clock } from './wait.ts';

const TargetsResponse = z.object({
  status: z.literal('success'),
  data: z.object({
    activeTargets: z.array(z.object({
      labels: z.record(z.string(), z.string()),
      scrapePool: z.string(),
      scrapeUrl: z.string(),
      health: z.string(),
      lastError: z.string(),
      lastScrape: z.string(),
    })),
  }),
});

export interface TargetState {
  readonly job: string;
  readonly scrapeUrl: string;
  readonly health: string;
  readonly lastError: string;
  readonly lastScrape: Date;
}

export interface ScrapeWait {
  /** Only these jobs (default: every active target). */
  readonly jobs?: readonly string[];
  /** Wait for a scrape that started at or after this time (default: the call time). */
  readonly since?: Date;
  /** Also require every target to be up (default false: a target whose /metrics is gone is still "scraped"). */
  readonly requireUp?: boolean;
  readonly timeoutMs?: number;
  /** Injected in tests. */
  readonly clock?: Clock;
}

/** Reads Prometheus' active targets. */
export async function readTargets(prometheusUrl: string): Promise<TargetState[]> {
  const res = await request(`${prometheusUrl}/api/v1/targets?state=active`, { headersTimeout: 2000, bodyTimeout: 2000 });
  const parsed = TargetsResponse.parse(await res.body.json());
  return parsed.data.activeTargets.map((t) => ({
    job: t.labels['job'] ?? t.scrapePool,
    scrapeUrl: t.scrapeUrl,
    health: t.health,
    lastError: t.lastError,
    lastScrape: new Date(t.lastScrape),
  }));
}

/**
 * Waits (polling, with a deadline) until every selected target has been scraped since `since`,
 * so that a query afterwards sees everything sent before the call. Returns the targets' states.
 */
export async function waitForScrape(prometheusUrl: string, wait: ScrapeWait = {}): Promise<TargetState[]> {
  const since = wait.since ?? new Date();
  const timeoutMs = wait.timeoutMs ?? 30_000;
  let last: TargetState[] = [];
  const pending = () => last.filter((t) => t.lastScrape.getTime() < since.getTime() || (wait.requireUp && t.health !== 'up'));
  const result = await waitUntil(async () => {
    last = (await readTargets(prometheusUrl).catch(() => [])).filter((t) => !wait.jobs || wait.jobs.includes(t.job));
    const done = last.length > 0 && (!wait.jobs || wait.jobs.every((j) => last.some((t) => t.job === j))) && pending().length === 0;
    return done ? { done: true, value: last } : { done: false, reason: last.length === 0 ? 'no target yet' : `${pending().length} target(s) not scraped since then` };
  }, { timeoutMs, intervalMs: 100, maxIntervalMs: 250, ...(wait.clock ? { clock: wait.clock } : {}) });
  if (result.ok) return result.value;
  throw new UnreachableError(
    `prometheus at ${prometheusUrl}: targets not scraped since ${since.toISOString()} within ${timeoutMs} ms`,
    (pending().length > 0 ? pending() : last).map((t) => `${t.job} ${t.scrapeUrl}: ${t.health}${t.lastError ? ` (${t.lastError})` : ''}`),
  );
}
