import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { durationField, formatDuration, parseDuration } from '../core/duration.ts';
import { ConfigError } from '../core/errors.ts';
import { parseYaml } from '../core/read-file.ts';

/** The burn-rate alert windows are data (windows/*.yaml, Sloth's format), read through this module. */

const duration = durationField('5m or 1h');
const WindowSchema = z.strictObject({ errorBudgetPercent: z.number().gt(0).max(100), shortWindow: duration, longWindow: duration });
export const WindowCatalogSchema = z.strictObject({
  sloPeriod: duration,
  page: z.strictObject({ quick: WindowSchema, slow: WindowSchema }),
  ticket: z.strictObject({ quick: WindowSchema, slow: WindowSchema }),
});
export type WindowCatalog = z.infer<typeof WindowCatalogSchema>;

export interface BurnWindow {
  readonly severity: 'page' | 'ticket';
  readonly speed: 'quick' | 'slow';
  readonly errorBudgetPercent: number;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly longMs: number;
  readonly shortMs: number;
  /** Burn rate that spends `errorBudgetPercent` of the period's budget within the long window. */
  readonly factor: number;
}

const DAY_MS = 86_400_000;
const WINDOWS_DIR = fileURLToPath(new URL('./windows/', import.meta.url));

export function parseWindowCatalog(text: string, file: string): WindowCatalog {
  return parseYaml(text, WindowCatalogSchema, file, 'alert windows');
}

let shipped: WindowCatalog[] | undefined;
/** The shipped catalogs (30d and 28d). */
export function shippedWindowCatalogs(): WindowCatalog[] {
  shipped ??= readdirSync(WINDOWS_DIR).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => parseWindowCatalog(readFileSync(join(WINDOWS_DIR, f), 'utf8'), f));
  return shipped;
}

/**
 * The four window pairs for an SLO period. A shipped catalog for that period is used as is;
 * other periods scale the 30-day windows by period/30d (whole seconds), which keeps the budget
 * percentages and so the factors 14.4 / 6 / 3 / 1.
 */
export function burnWindows(periodDays: number, catalogs: readonly WindowCatalog[] = shippedWindowCatalogs()): BurnWindow[] {
  const periodMs = periodDays * DAY_MS;
  const exact = catalogs.find((c) => parseDuration(c.sloPeriod) === periodMs);
  const base = exact ?? catalogs.find((c) => parseDuration(c.sloPeriod) === 30 * DAY_MS);
  if (!base) throw new ConfigError('alert windows: no catalog for a 30d period to derive from');
  const scale = exact ? 1 : periodMs / parseDuration(base.sloPeriod);
  const scaled = (d: string) => Math.max(1000, Math.round((parseDuration(d) * scale) / 1000) * 1000);
  return (['page', 'ticket'] as const).flatMap((severity) => (['quick', 'slow'] as const).map((speed): BurnWindow => {
    const w = base[severity][speed];
    const longMs = scaled(w.longWindow);
    const shortMs = scaled(w.shortWindow);
    return {
      severity, speed, errorBudgetPercent: w.errorBudgetPercent,
      longWindow: formatDuration(longMs), shortWindow: formatDuration(shortMs), longMs, shortMs,
      factor: (w.errorBudgetPercent * (periodMs / longMs)) / 100,
    };
  }));
}

/** Every distinct window the pairs use, shortest first. */
export function distinctWindows(windows: readonly BurnWindow[]): { text: string; ms: number }[] {
  const all = new Map<number, string>();
  for (const w of windows) {
    all.set(w.longMs, w.longWindow);
    all.set(w.shortMs, w.shortWindow);
  }
  return [...all.entries()].sort((a, b) => a[0] - b[0]).map(([ms, text]) => ({ ms, text }));
}
