import type { Check } from '../../../core/result.ts';
import type { RequestStats } from '../analyzer/summary-schema.ts';

/**
 * 429s are a rate limit (TracSeq's gateway: seed 004's RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW),
 * counted apart from errors. A few: a warning. Most of the responses: the run measured the rate
 * limiter, not the system, so it proves nothing either way (inconclusive) and says how to fix it.
 * The check names the service the journeys enter through (its limiter), when the run has one.
 */
export function rateLimitCheck(overall: RequestStats, mostly: number, entry?: string): Check {
  const pct = (overall.rateLimitedFraction * 100).toFixed(1);
  const base = {
    id: 'load/rate-limit',
    name: 'responses not throttled by a rate limiter (429)',
    ...(entry !== undefined ? { service: entry } : {}),
    durationMs: 0,
    detail: { rateLimited: overall.rateLimited, requests: overall.requests, fraction: overall.rateLimitedFraction, mostlyAbove: mostly },
  };
  if (overall.rateLimited === 0) return { ...base, outcome: 'pass' };
  const from = entry !== undefined ? ` from ${entry}` : '';
  const fix = 'raise the rate limit for load tests (the reference stack: RATE_LIMIT_REQUESTS / RATE_LIMIT_WINDOW, or `stack up --rate-limit`), or lower --rate';
  if (overall.rateLimitedFraction > mostly) {
    return {
      ...base,
      outcome: 'inconclusive',
      failure: {
        kind: 'config',
        message: `mostly measured the rate limiter: ${pct}% of ${overall.requests.toLocaleString('en-US')} responses were 429${from}, so latency and throughput say nothing about the services; ${fix}`,
      },
    };
  }
  return {
    ...base,
    outcome: 'warn',
    failure: { kind: 'config', message: `${overall.rateLimited.toLocaleString('en-US')} responses (${pct}%) were 429${from} (a rate limit; not counted as errors); ${fix}` },
  };
}
