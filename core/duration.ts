import { UsageError } from './errors.ts';

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parses durations such as `500ms`, `5s`, `1m30s`, `2h`, `30d` (Prometheus/k6 style) into milliseconds.
 * A bare number is taken as milliseconds. `what` names the option or field in the error.
 */
export function parseDuration(text: string, what = 'duration'): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(trimmed); match; match = re.exec(trimmed)) {
    total += Number(match[1]) * (UNITS_MS[match[2]!] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length) {
    throw new UsageError(`${what}: "${text}" is not a duration (use e.g. 500ms, 5s, 2m, 1h, 30d)`);
  }
  return total;
}

/** Formats milliseconds in the shortest Prometheus-style unit that is exact (e.g. 3600000 -> "1h"). */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNITS_MS[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
