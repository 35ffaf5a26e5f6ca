import type { Check } from '../../../core/result.ts';
import type { RequestStats } from '../analyzer/summary-schema.ts';

/**
 * 429s are the gateway's rate limit (seed 004: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW), counted
 * apart from errors. A few: a warning. Most of the responses: the run measured the rate limiter,
 * not the system, so it proves nothing either way (inconclusive) and says how to fix it.
 */
export function rateLimitCheck(overall: RequestStats, mostly: number): Check {
  const pct = (overall.rateLimitedFraction * 100).toFixed(1);
  const base = {
    id: 'load/rate-limit',
    name: 'responses not throttled by the rate limiter (429)',
    service: 'api-gateway',
    durationMs: 0,
    detail: { rateLimited: overall.rateLimited, requests: overall.requests, fraction: overall.rateLimitedFraction, mostlyAbove: mostly },
  };
  if (overall.rateLimited === 0) return { ...base, outcome: 'pass' };
  const fix = 'raise the gateway rate limit (RATE_LIMIT_REQUESTS / RATE_LIMIT_WINDOW, or `stack up --rate-limit`) for load tests, or lower --rate';
  if (overall.rateLimitedFraction > mostly) {
    return {
      ...base,
      outcome: 'inconclusive',
      failure: {
        kind: 'config',
        message: `mostly measured the rate limiter: ${pct}% of ${overall.requests.toLocaleString('en-US')} responses were 429 from the gateway, so latency and throughput say nothing about the services; ${fix}`,
      },
    };
  }
  return {
    ...base,
    outcome: 'warn',
    failure: { kind: 'config', message: `${overall.rateLimited.toLocaleString('en-US')} responses (${pct}%) were 429 from the gateway's rate limit (not counted as errors); ${fix}` },
  };
}
