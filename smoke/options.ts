import { z } from 'zod';
import { UsageError } from '../core/errors.ts';
import type { HttpClient } from '../core/http/request.ts';
import { formatIssues } from '../core/zod-issues.ts';
import type { InfraProbes } from './infra-probes.ts';
import type { Lookup } from './replicas.ts';

/** Smoke settings; the defaults live here only. */
export const SmokeSettingsSchema = z.strictObject({
  /** Deadline of each request (connect, headers and body), ms. */
  timeoutMs: z.number().positive().max(600_000).default(5_000),
  /** Extra attempts for a failing check; every attempt is recorded, a late pass is a warning. */
  retries: z.number().int().min(0).max(10).default(0),
  /** Wait mode: poll health with backoff up to this long before checking. */
  waitMs: z.number().positive().max(3_600_000).optional(),
  /** Multiplies every latency budget (catalog budgetMs and the health/metrics default), e.g. 2 for a slow staging. */
  budgetScale: z.number().positive().max(100).default(1),
});
export type SmokeSettings = z.infer<typeof SmokeSettingsSchema>;

/** What the gate or the CLI passes to runSmoke: settings plus optional injected I/O (tests, benchmarks). */
export type SmokeOptions = z.input<typeof SmokeSettingsSchema> & {
  http?: HttpClient;
  infra?: InfraProbes;
  lookup?: Lookup;
  sleep?: (ms: number) => Promise<void>;
};

export function parseSmokeSettings(options: SmokeOptions): SmokeSettings {
  const { http: _http, infra: _infra, lookup: _lookup, sleep: _sleep, ...settings } = options;
  const parsed = SmokeSettingsSchema.safeParse(settings);
  if (!parsed.success) throw new UsageError('smoke: invalid options', formatIssues(parsed.error, 'smoke'));
  return parsed.data;
}
