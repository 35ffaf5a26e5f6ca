import { z } from 'zod';
import { UsageError } from './errors.ts';

/**
 * The one duration rule, for every flag, file and setting: one or more `<number><unit>` parts,
 * Prometheus/k6 style, units ms, s, m, h, d, w (`500ms`, `1.5s`, `1m30s`, `2h`, `30d`). A bare number
 * is refused: it would mean milliseconds to some readers and seconds to k6, so a unit is required.
 * The k6 scenarios cannot import this file; their copy (load/lib/duration.ts) follows the same rule,
 * and both are tested against one table of cases (testdata/durations.json).
 */
const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
const BARE_NUMBER = /^\d+(\.\d+)?$/;

/** Milliseconds, or undefined when `text` is not a duration under the rule (pure). */
export function durationMs(text: string): number | undefined {
  const trimmed = text.trim();
  const re = new RegExp(PART);
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(trimmed); match; match = re.exec(trimmed)) {
    total += Number(match[1]) * UNITS_MS[match[2]!]!;
    consumed = re.lastIndex;
  }
  return consumed > 0 && consumed === trimmed.length ? total : undefined;
}

/** Why `text` is not a duration, as the end of a `field: ...` message. */
function problem(text: string): string {
  const trimmed = text.trim();
  return BARE_NUMBER.test(trimmed)
    ? `"${text}" has no unit (a bare number is refused: write e.g. ${trimmed}s or ${trimmed}ms)`
    : `"${text}" is not a duration (use e.g. 500ms, 5s, 2m, 1h, 30d)`;
}

/** Parses a flag or setting into milliseconds; a usage error (exit 2) naming `what` when it is not a duration. */
export function parseDuration(text: string, what = 'duration'): number {
  const ms = durationMs(text);
  if (ms === undefined) throw new UsageError(`${what}: ${problem(text)}`);
  return ms;
}

/**
 * A duration field in a schema (profiles, load settings, alert windows): the text as written,
 * checked by the one rule. `example` completes "must be a duration such as ...".
 */
export function durationField(example = '30s, 5m or 1h') {
  return z.string().superRefine((text, ctx) => {
    if (durationMs(text) !== undefined) return;
    const bare = BARE_NUMBER.test(text.trim());
    ctx.addIssue({ code: 'custom', message: bare ? `must be a duration with a unit, such as ${example}: ${problem(text)}` : `must be a duration such as ${example}` });
  });
}

/** Formats milliseconds in the shortest Prometheus-style unit that is exact (e.g. 3600000 -> "1h"). */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNITS_MS[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
