/**
 * The k6 side's copy of the harness's one duration rule (core/duration.ts; k6 cannot import Node
 * code): one or more `<number><unit>` parts, units ms, s, m, h, d, w (`500ms`, `1.5s`, `1m30s`, `2h`).
 * A bare number is refused, so `--env DURATION=30` never means 30 ms here and 30 s there. Both copies
 * are tested against one table of cases (testdata/durations.json).
 */
const UNITS_S: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Parses a duration into seconds; throws naming `what`. */
export function parseSeconds(text: string, what: string): number {
  const trimmed = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    total += Number(m[1]) * (UNITS_S[m[2] ?? ''] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed > 0 && consumed === trimmed.length) return total;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    throw new Error(`${what}: "${text}" has no unit (a bare number is refused: write e.g. ${trimmed}s or ${trimmed}ms)`);
  }
  throw new Error(`${what}: "${text}" is not a duration (use e.g. 500ms, 5s, 2m, 1h, 30d)`);
}

/** Seconds as a k6 duration string (whole milliseconds). */
export function seconds(s: number): string {
  return `${Math.max(0, Math.round(s * 1000))}ms`;
}
