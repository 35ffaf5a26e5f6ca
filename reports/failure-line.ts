import type { Check, SuiteResult } from '../core/result.ts';

/** Collapses any text to one line (reports never print multi-line reasons inline). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The reason a check did not pass, as one line: the failure message, else the detail's reason, else the outcome. */
export function checkReason(check: Check): string {
  if (check.failure) return oneLine(check.failure.message);
  const reason = check.detail?.['reason'];
  return typeof reason === 'string' ? oneLine(reason) : check.outcome;
}

/** The URL a check is about: the failure's, else `detail.url`, else undefined. */
export function checkUrl(check: Check): string | undefined {
  if (check.failure?.url) return check.failure.url;
  const url = check.detail?.['url'];
  return typeof url === 'string' ? url : undefined;
}

/**
 * One line per non-passing check, naming the service, the URL and the reason:
 * `FAIL smoke sample-service health GET http://127.0.0.1:8081/health: connection refused [connection-refused]`.
 */
export function formatCheckLine(suite: SuiteResult['suite'], check: Check): string {
  const parts = [check.outcome.toUpperCase(), suite, check.service ?? '-', check.name];
  const url = checkUrl(check);
  if (url) parts.push(url);
  const kind = check.failure ? ` [${check.failure.kind}${check.failure.field ? ` at ${check.failure.field}` : ''}]` : '';
  return `${parts.join(' ')}: ${checkReason(check)}${kind}`;
}

/** Checks worth a line of their own (everything but a plain pass), worst first. */
export function notableChecks(suite: SuiteResult): Check[] {
  const rank: Record<Check['outcome'], number> = { fail: 0, inconclusive: 1, warn: 2, skip: 3, pass: 4 };
  return suite.checks.filter((c) => c.outcome !== 'pass').sort((a, b) => rank[a.outcome] - rank[b.outcome]);
}

export function countOutcomes(checks: readonly Check[]): Record<Check['outcome'], number> {
  const counts = { pass: 0, warn: 0, fail: 0, inconclusive: 0, skip: 0 };
  for (const check of checks) counts[check.outcome] += 1;
  return counts;
}
