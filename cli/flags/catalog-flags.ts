import { z } from 'zod';

/** `catalog`: defaults live here, not in commander. */
export const CatalogFlags = z.strictObject({
  env: z.string().min(1).default('local'),
  json: z.boolean().default(false),
});
