/**
 * A small parser for the Prometheus text exposition format (0.0.4): HELP/TYPE comments and
 * samples `name{label="value",...} value [timestamp]`. It collects metric families and reports
 * the first malformed line, so smoke can tell "not Prometheus text" from "missing metric".
 */
export interface MetricFamily {
  name: string;
  type?: string;
  samples: number;
}

export type ParseResult = { ok: true; families: Map<string, MetricFamily> } | { ok: false; line: number; error: string };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\\n]|\\[\\"n])*)"\s*(,|(?=\}))/;
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Inf)|NaN)$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', '_created', '_info'];

function family(families: Map<string, MetricFamily>, name: string): MetricFamily {
  let found = families.get(name);
  if (!found) {
    found = { name, samples: 0 };
    families.set(name, found);
  }
  return found;
}

/** Returns the label-block length after `{`, or an error. */
function skipLabels(rest: string): number | string {
  let i = 0;
  while (rest[i] !== '}') {
    const match = LABEL.exec(rest.slice(i));
    if (!match) return `bad label near "${rest.slice(i, i + 20)}"`;
    i += match[0].length;
    if (i >= rest.length) return 'unterminated label set';
  }
  return i + 1;
}

function parseSample(text: string, families: Map<string, MetricFamily>): string | undefined {
  const name = NAME.exec(text)?.[0];
  if (!name) return `bad metric name in "${text.slice(0, 40)}"`;
  let rest = text.slice(name.length);
  if (rest.startsWith('{')) {
    const used = skipLabels(rest.slice(1));
    if (typeof used === 'string') return used;
    rest = rest.slice(1 + used);
  }
  const [value, timestamp, extra] = rest.trim().split(/\s+/);
  if (!value || !VALUE.test(value)) return `bad sample value "${value ?? ''}" for ${name}`;
  if (extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) return `bad timestamp for ${name}`;
  family(families, name).samples += 1;
  return undefined;
}

export function parsePrometheusText(text: string): ParseResult {
  const families = new Map<string, MetricFamily>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const meta = /^#\s*(HELP|TYPE)\s+(\S+)(?:\s+(.*))?$/.exec(line);
    if (meta) {
      const [, keyword, name = '', rest = ''] = meta;
      if (!NAME.test(name) || NAME.exec(name)?.[0] !== name) return { ok: false, line: index + 1, error: `bad metric name "${name}" in # ${keyword}` };
      if (keyword === 'TYPE') {
        if (!TYPES.has(rest.trim())) return { ok: false, line: index + 1, error: `unknown metric type "${rest.trim()}" for ${name}` };
        family(families, name).type = rest.trim();
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const error = parseSample(line, families);
    if (error) return { ok: false, line: index + 1, error };
  }
  return { ok: true, families };
}

/** True when `name` is declared or sampled, directly or as a histogram/summary/counter series. */
export function hasMetric(families: ReadonlyMap<string, MetricFamily>, name: string): boolean {
  return families.has(name) || SUFFIXES.some((suffix) => families.has(`${name}${suffix}`));
}

export function missingMetrics(families: ReadonlyMap<string, MetricFamily>, required: readonly string[]): string[] {
  return required.filter((name) => !hasMetric(families, name));
}
