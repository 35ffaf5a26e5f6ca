import type { MetricConventions } from '../core/catalog/slo-schema.ts';

/**
 * PromQL templates (pure). The shorthands' templates use the catalog's metric names and the
 * placeholders of catalog objectives; `renderTemplate` fills in everything but `{{window}}`,
 * which the evaluator and the rule generator replace per query (`withWindow`).
 */

export function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `le` as the Prometheus clients write it (0.5 -> "0.5", 1 -> "1"). */
export function leLabel(seconds: number): string {
  return String(seconds);
}

/** Templates for the seeds' shorthands over the catalog's request counter and duration histogram. */
export function shorthandTemplates(metrics: Pick<MetricConventions, 'requests' | 'duration'>) {
  const { requests, duration } = metrics;
  return {
    requestsTotal: `sum(increase(${requests}{{{selector}}}[{{window}}]))`,
    requests5xx: `sum(increase(${requests}{{{selector}},{{labels.status}}=~"5.."}[{{window}}]))`,
    latencyQuantile: (quantile: number) => `histogram_quantile(${quantile}, sum by (le) (rate(${duration}_bucket{{{selector}}}[{{window}}])))`,
    /** Requests at or below the bound (the bound must be one of the histogram's buckets). */
    fasterThan: (seconds: number) => `sum(increase(${duration}_bucket{{{selector}},le="${leLabel(seconds)}"}[{{window}}]))`,
    observations: `sum(increase(${duration}_count{{{selector}}}[{{window}}]))`,
  };
}

export interface TemplateContext {
  readonly service: string;
  readonly metrics: Pick<MetricConventions, 'labels' | 'excludeRoutes'>;
}

/** The service's request matchers: its service label, and the route exclusion unless it is empty. */
export function requestMatchers({ service, metrics }: TemplateContext): string {
  const { labels, excludeRoutes } = metrics;
  return [`${labels.service}="${escapeLabel(service)}"`, ...(excludeRoutes ? [`${labels.route}!~"${escapeLabel(excludeRoutes)}"`] : [])].join(',');
}

/** Fills `{{service}}`, `{{labels.<role>}}` and `{{selector}}`; `{{window}}` stays (the schema rejects other names). */
export function renderTemplate(template: string, context: TemplateContext): string {
  return template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, name: string) => {
    if (name === 'service') return escapeLabel(context.service);
    if (name === 'selector') return requestMatchers(context);
    const role = /^labels\.(service|status|route|method)$/.exec(name)?.[1] as keyof MetricConventions['labels'] | undefined;
    return role ? context.metrics.labels[role] : whole;
  });
}

/** Replaces `{{window}}` (and Sloth's `{{.window}}`) with a Prometheus duration. */
export function withWindow(template: string, window: string): string {
  return template.replace(/\{\{\s*\.?window\s*\}\}/g, window);
}
