import type { Findings, Location, Path } from './objects.ts';
import type { MetricHolder } from './schema.ts';

/**
 * A metric source as a PromQL template over `{{window}}` (pure). Only Prometheus sources can be
 * evaluated. A query that carries `{{window}}` (or Sloth's `{{.window}}`) is used as written.
 * Otherwise an events query that is a selector, or one `sum` of a selector, is counted over the
 * window: a counter (`counter: true`) by its increase, a gauge (`counter: false`) by the sum of
 * its samples. A threshold query is used as written, read at the evaluation time.
 */
export type MetricUse = 'counter' | 'gauge' | 'value';

export interface MetricContext {
  readonly file: string;
  /** DataSource name -> its type, for sources that give only metricSourceRef. */
  readonly dataSources: ReadonlyMap<string, string>;
  readonly findings: Findings;
}

const WINDOW = /\{\{\s*\.?window\s*\}\}/g;
const SELECTOR = String.raw`(?:[a-zA-Z_:][a-zA-Z0-9_:]*\s*(?:\{[^{}]*\})?|\{[^{}]*\})`;
const GROUPING = String.raw`(?:by|without)\s*\([^()]*\)`;
const PLAIN = new RegExp(String.raw`^(${SELECTOR})$`);
const SUM_OF = new RegExp(String.raw`^sum\s*(${GROUPING})?\s*\(\s*(${SELECTOR})\s*\)\s*(${GROUPING})?$`);

export function metricQuery(holder: MetricHolder, use: MetricUse, loc: Location, path: Path, ctx: MetricContext): string | undefined {
  const source = holder.metricSource;
  const at: Path = [...path, 'metricSource'];
  const type = source.type ?? (source.metricSourceRef !== undefined ? ctx.dataSources.get(source.metricSourceRef) : undefined);
  if (type === undefined) {
    return ctx.findings.problem(loc, [...at, 'type'], source.metricSourceRef !== undefined
      ? `required: no DataSource named "${source.metricSourceRef}" in ${ctx.file} gives it`
      : 'required: the source type (Prometheus)');
  }
  if (!/^prometheus$/i.test(type)) {
    return ctx.findings.problem(loc, [...at, 'type'], `${type} is not a Prometheus source: only PromQL queries (type: Prometheus) can be evaluated`);
  }
  const raw = source.spec['query'];
  if (typeof raw !== 'string' || raw.trim() === '') return ctx.findings.problem(loc, [...at, 'spec', 'query'], 'required: a PromQL query');
  const query = raw.trim().replace(WINDOW, '{{window}}');
  if (use === 'value' || query.includes('{{window}}')) {
    if (!query.includes('{{window}}')) ctx.findings.warn(loc, path, 'query has no {{window}}; it is read as written at the evaluation time, not over --window');
    return query;
  }
  const over = (selector: string) => (use === 'counter' ? `increase(${selector}[{{window}}])` : `sum_over_time(${selector}[{{window}}])`);
  const plain = PLAIN.exec(query);
  if (plain) return `sum(${over(plain[1]!.trim())})`;
  const sum = SUM_OF.exec(query);
  if (sum) {
    const grouping = sum[1] ?? sum[3];
    return `sum${grouping ? ` ${grouping.trim()} ` : ''}(${over(sum[2]!.trim())})`;
  }
  if (/\[[^\]]+\]/.test(query)) {
    ctx.findings.warn(loc, path, 'query has its own range and no {{window}}; it is evaluated as written, not over --window');
    return query;
  }
  return ctx.findings.problem(loc, [...at, 'spec', 'query'], `a ${use} query is a selector such as http_requests_total{code="200"}, the sum of one (sum by (x) (...)), or carries {{window}}`);
}
