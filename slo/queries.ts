/** PromQL builders for the catalog's SLOs (pure). Templates keep `{{window}}` for the evaluator and the rules. */

/** Requests the SLOs judge: everything but the harness's own probes and scrapes. */
export const EXCLUDED_ROUTES = '/metrics|/health.*|/__admin.*';

export function selector(labels: Readonly<Record<string, string>>, extra: readonly string[] = []): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return `{${[...parts, ...extra].join(',')}}`;
}

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

const requests = (labels: Record<string, string>, extra: string[] = []) =>
  selector(labels, [`route!~"${EXCLUDED_ROUTES}"`, ...extra]);

export function requestsTotal(labels: Record<string, string>): string {
  return `sum(increase(http_requests_total${requests(labels)}[{{window}}]))`;
}

export function requests5xx(labels: Record<string, string>): string {
  return `sum(increase(http_requests_total${requests(labels, ['status=~"5.."'])}[{{window}}]))`;
}

/** `le` as the Prometheus clients write it (0.5 -> "0.5", 1 -> "1"). */
export function leLabel(seconds: number): string {
  return String(seconds);
}

export function histogramQuantile(metric: string, quantile: number, labels: Record<string, string>, requestScoped = true): string {
  const sel = requestScoped ? requests(labels) : selector(labels);
  return `histogram_quantile(${quantile}, sum by (le) (rate(${metric}_bucket${sel}[{{window}}])))`;
}

/** Observations at or below `boundSeconds` (the bound must be one of the histogram's bucket boundaries). */
export function fasterThan(metric: string, boundSeconds: number, labels: Record<string, string>, requestScoped = true): string {
  const le = `le="${leLabel(boundSeconds)}"`;
  const bucket = requestScoped ? requests(labels, [le]) : selector(labels, [le]);
  return `sum(increase(${metric}_bucket${bucket}[{{window}}]))`;
}

export function observations(metric: string, labels: Record<string, string>, requestScoped = true): string {
  const sel = requestScoped ? requests(labels) : selector(labels);
  return `sum(increase(${metric}_count${sel}[{{window}}]))`;
}

export function gaugeMax(metric: string, labels: Record<string, string>): string {
  return `max(max_over_time(${metric}${selector(labels)}[{{window}}]))`;
}

/** Replaces `{{window}}` (and Sloth's `{{.window}}`) with a Prometheus duration. */
export function withWindow(template: string, window: string): string {
  return template.replace(/\{\{\s*\.?window\s*\}\}/g, window);
}
