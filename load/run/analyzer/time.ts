/**
 * Parses k6's RFC 3339 timestamps (`2026-11-25T00:03:08.133034228Z`, or with a `+02:00` offset) to
 * Unix milliseconds. The whole-second part is cached: consecutive samples share it, and Date.parse
 * dominates the cost otherwise. Returns NaN for anything else.
 */
let cachedKey = '';
let cachedMs = Number.NaN;

export function parseTimeMs(text: string): number {
  if (text.length < 20 || text[10] !== 'T') return Number.NaN;
  const seconds = text.slice(0, 19);
  let i = 19;
  let fraction = 0;
  if (text[i] === '.') {
    let scale = 100;
    for (i += 1; i < text.length; i += 1) {
      const code = text.charCodeAt(i) - 48;
      if (code < 0 || code > 9) break;
      fraction += code * scale;
      scale /= 10;
    }
  }
  const zone = text.slice(i);
  const key = seconds + zone;
  if (key !== cachedKey) {
    cachedKey = key;
    cachedMs = Date.parse(key);
  }
  return cachedMs + fraction;
}
