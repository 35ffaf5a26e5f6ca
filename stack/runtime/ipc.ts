import { z } from 'zod';
import type { Catalog } from '../../core/catalog/schema.ts';
import { FaultsSchema } from '../faults/faults.ts';
import { StackSettingsSchema } from './settings.ts';

/** Launcher -> service process: who you are, where to listen, your faults. */
export const InitMessageSchema = z.strictObject({
  type: z.literal('init'),
  serviceId: z.string().min(1),
  /** Which replica this process is (1-based) of how many the stack runs. */
  replica: z.strictObject({ index: z.number().int().positive(), count: z.number().int().positive() }),
  host: z.string().min(1),
  /** 0 = let the OS choose; the child reports the port it got. */
  port: z.number().int().min(0).max(65535),
  /** Already validated by the launcher (loadCatalog); only its shape is checked here, to keep start-up cheap. */
  catalog: z.custom<Catalog>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { services?: unknown }).services), 'catalog with services[] expected'),
  faults: FaultsSchema,
  exitAtStart: z.boolean(),
  settings: StackSettingsSchema,
});

/**
 * Launcher -> service process, once every service listens: the URL of every service in the stack, and
 * the URL of each replica of the replicated ones (a router balances over them), and
 * this service's own DATABASE_URL and REDIS_URL when the stack runs with real infrastructure (without
 * them, a service with a database keeps its data in memory and says so in /health/detailed).
 */
export const UrlsMessageSchema = z.strictObject({
  type: z.literal('urls'),
  urls: z.record(z.string(), z.string()),
  replicas: z.record(z.string(), z.array(z.string())),
  databaseUrl: z.string().min(1).optional(),
  redisUrl: z.string().min(1).optional(),
});

export const ChildMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('listening'), port: z.number().int().positive() }),
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('fatal'), message: z.string() }),
]);

export type InitMessage = z.infer<typeof InitMessageSchema>;
export type UrlsMessage = z.infer<typeof UrlsMessageSchema>;
export type ChildMessage = z.infer<typeof ChildMessageSchema>;
