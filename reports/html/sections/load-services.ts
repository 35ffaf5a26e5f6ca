import { combineOutcomes, type SuiteResult } from '../../../core/result.ts';
import { esc, num } from '../escape.ts';
import type { ServiceSummary } from '../../../load/run/analyzer/summary-schema.ts';

/**
 * Per-service latency of one load run: requests, throughput, error rate, p50/p95/p99, and how the
 * service's own thresholds came out (the worst of its checks), one row per service that got requests.
 */
const ms = (v: number | null) => (v === null ? 'n/a' : `${num(v, 1)} ms`);

export function renderServiceLatency(result: SuiteResult, rows: readonly ServiceSummary[], scenario: string): string {
  if (rows.length === 0) return '';
  const body = rows.map((r) => {
    const outcomes = result.checks.filter((c) => c.service === r.service).map((c) => c.outcome);
    const judged = outcomes.length > 0 ? combineOutcomes(outcomes) : undefined;
    return `<tr class="o-${esc(judged ?? 'none')}"><td>${esc(r.service)}</td><td class="num">${r.requests}</td><td class="num">${num(r.rps, 1)}</td>`
      + `<td class="num">${num(r.errorRate * 100, 2)}%</td><td class="num">${ms(r.latency.p50)}</td><td class="num">${ms(r.latency.p95)}</td><td class="num">${ms(r.latency.p99)}</td>`
      + `<td>${judged ? `<span class="badge b-${esc(judged)}">${esc(judged)}</span>` : '<span class="muted">no threshold</span>'}</td></tr>`;
  });
  return `<h4>Latency per service</h4><table class="service-latency" id="service-latency-${esc(scenario)}"><thead><tr><th>service</th><th>requests</th><th>req/s</th><th>errors</th><th>p50</th><th>p95</th><th>p99</th><th>thresholds</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}
