import { z } from 'zod';

/**
 * The slo commands' flags. Window, query timeout, concurrency and service label are left out when not
 * given: the SLO suite's own defaults apply (written down there once).
 */
const text = z.string();

export const SloEvaluateFlags = z.strictObject({
  prometheus: text.optional(),
  window: text.optional(),
  at: text.optional(),
  env: z.string().min(1).default('local'),
  services: text.optional(),
  compareWith: text.optional(),
  sloFile: text.optional(),
  historyDir: text.optional(),
  /** `--no-store` turns it off. */
  store: z.boolean().default(true),
  timeout: text.optional(),
  concurrency: text.optional(),
  serviceLabel: text.optional(),
  bearerTokenFile: text.optional(),
  basicAuthUser: text.optional(),
  basicAuthPasswordFile: text.optional(),
  header: z.array(text).optional(),
  caFile: text.optional(),
  insecureSkipVerify: z.boolean().optional(),
});

export const SloRulesFlags = z.strictObject({
  out: text.optional(),
  sloFile: text.optional(),
  env: z.string().min(1).default('local'),
  services: text.optional(),
  serviceLabel: text.optional(),
});
