import { z } from 'zod';

/** Stack-wide settings every service process receives at start (over IPC, parsed here). */
export const StackSettingsSchema = z.strictObject({
  /** HS256 key for auth tokens (JWT_SECRET_KEY, or random per stack). */
  jwtSecret: z.string().min(1),
  /** Gateway rate limit per client address (seed 004: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW). */
  rateLimit: z.strictObject({ requests: z.number().int().positive(), windowMs: z.number().int().positive() }),
  /** Gateway circuit breaker per upstream (seed 004: threshold 5, recovery 60 s). */
  circuitBreaker: z.strictObject({ threshold: z.number().int().positive(), recoveryMs: z.number().int().positive() }),
  /** How long the gateway trusts a validated token before asking auth again. */
  tokenCacheMs: z.number().int().nonnegative(),
  /** Sequencing: time a job spends queued, then running. */
  sequencingStepMs: z.number().int().nonnegative(),
  /** Reported as `version` by /health. */
  version: z.string().min(1),
});

export type StackSettings = z.infer<typeof StackSettingsSchema>;

export const DEFAULT_SETTINGS: Omit<StackSettings, 'jwtSecret'> = {
  rateLimit: { requests: 1000, windowMs: 60_000 },
  circuitBreaker: { threshold: 5, recoveryMs: 60_000 },
  tokenCacheMs: 30_000,
  sequencingStepMs: 150,
  version: '2.0.0-reference',
};
