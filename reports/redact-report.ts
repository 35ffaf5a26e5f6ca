import type { RunReport } from '../core/result.ts';

/**
 * The last line of defence before a report is written or printed: credentials that reached a
 * message or a URL (a password in a URL, a token in a query string, an Authorization header echoed
 * by a server, a JWT) are replaced with `***`. Suites redact what they know; this catches the rest.
 */
const RULES: readonly [RegExp, string][] = [
  // scheme://user:password@host or scheme://token@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s"'<>]+@/gi, '$1***@'],
  // ?token=..., &api_key=..., &password=...
  [/([?&;](?:access[_-]?token|id[_-]?token|refresh[_-]?token|token|api[_-]?key|apikey|key|password|passwd|pwd|secret|client[_-]?secret|signature|sig|auth|authorization|session|jwt)=)[^&#\s"'<>]+/gi, '$1***'],
  // Authorization: Bearer ... / Basic ...
  [/\b(Bearer|Basic)\s+(?!\*\*\*)[A-Za-z0-9._~+/=-]{6,}/g, '$1 ***'],
  // a JWT anywhere
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '***'],
];

export function redactText(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
  return value;
}

/** The report with every string redacted (pure; the input is not changed). */
export function redactReport(report: RunReport): RunReport {
  return redactValue(report) as RunReport;
}
