/** Parses k6-style durations (`500ms`, `30s`, `1m30s`, `2h`) into seconds; throws naming `what`. */
export function parseSeconds(text: string, what: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(trimmed); m; m = re.exec(trimmed)) {
    total += Number(m[1]) * (units[m[2] ?? ''] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length) {
    throw new Error(`${what}: "${text}" is not a duration (use e.g. 500ms, 30s, 2m, 1h)`);
  }
  return total;
}

/** Seconds as a k6 duration string (whole milliseconds). */
export function seconds(s: number): string {
  return `${Math.max(0, Math.round(s * 1000))}ms`;
}
