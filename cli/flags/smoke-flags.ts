import { z } from 'zod';

/** `smoke` flags as commander gives them; defaults live here, not in commander. */
export const SmokeFlags = z.strictObject({
  env: z.string().min(1).default('local'),
  services: z.string().optional(),
  timeout: z.string().optional(),
  retries: z.string().optional(),
  wait: z.string().optional(),
  budgetScale: z.string().optional(),
});
