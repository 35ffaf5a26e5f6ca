/** Small word helpers for the catalog explanation (pure). */

/** A value as one line of flow YAML: `{ body: text, match: "^ok" }`. */
export function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${inline(v)}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  return typeof value === 'string' && !/^[\w./{}-]+$/.test(value) ? JSON.stringify(value) : String(value);
}

/** `a, b, c`, or `none`. */
export function joined(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

/** A regular expression as written in the catalog, between slashes. */
export function regex(source: string): string {
  return `/${source}/`;
}

/** A share as a whole percentage (or one decimal under 10%). */
export function share(part: number, total: number): string {
  const pct = total === 0 ? 0 : (part / total) * 100;
  return `${pct < 10 ? Number(pct.toFixed(1)) : Math.round(pct)}%`;
}
