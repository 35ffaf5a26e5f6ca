import { z } from 'zod';

/** `stack up`: defaults live here, not in commander. */
export const StackUpFlags = z.strictObject({
  fault: z.array(z.string().min(1)).default([]),
  portBase: z.string().optional(),
  rateLimit: z.string().optional(),
  services: z.string().optional(),
  verbose: z.boolean().optional(),
});
