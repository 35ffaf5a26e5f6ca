import { ANALYZED_METRICS, type K6Sample } from './k6-sample.ts';
import type { LineResult } from './json-line.ts';
import { parseTimeMs } from './time.ts';

/**
 * k6's CSV output (`--out csv=file.gz`): a header naming the columns (metric_name, timestamp,
 * metric_value, one per system tag, extra_tags as `k=v&k=v`, metadata), then one row per sample.
 * Timestamps may be Unix s/ms/us/ns (K6_CSV_TIME_FORMAT) or RFC 3339.
 */
export function splitCsv(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function unixToMs(text: string): number {
  if (!/^\d+$/.test(text)) return parseTimeMs(text);
  const n = Number(text);
  if (n < 1e11) return n * 1000;
  if (n < 1e14) return n;
  if (n < 1e17) return n / 1000;
  return n / 1e6;
}

export interface CsvParser {
  parse(line: string): LineResult;
}

/** Builds a row parser from the header line; throws naming the missing column. */
export function csvParser(headerLine: string): CsvParser {
  const header = splitCsv(headerLine);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`CSV header has no "${name}" column (header: ${headerLine.slice(0, 120)})`);
    return i;
  };
  const [iMetric, iTime, iValue, iExtra] = [col('metric_name'), col('timestamp'), col('metric_value'), col('extra_tags')];
  const tagColumns = header.map((name, i) => ({ name, i })).filter(({ i }) => i > iValue && i < iExtra);
  return {
    parse(line) {
      if (line.trim() === '') return 'skip';
      const comma = line.indexOf(',');
      if (!ANALYZED_METRICS.has(line.slice(0, comma))) return 'skip';
      const cells = splitCsv(line);
      if (cells.length !== header.length) return { error: `expected ${header.length} columns, got ${cells.length}` };
      const value = Number(cells[iValue]);
      const timeMs = unixToMs(cells[iTime] ?? '');
      if (!Number.isFinite(value)) return { error: `metric_value: "${cells[iValue]}" is not a number` };
      if (!Number.isFinite(timeMs)) return { error: `timestamp: "${cells[iTime]}" is not a time` };
      const tags: Record<string, string> = {};
      for (const { name, i } of tagColumns) if (cells[i]) tags[name] = cells[i]!;
      for (const pair of (cells[iExtra] ?? '').split('&')) {
        const eq = pair.indexOf('=');
        if (eq > 0) tags[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return { metric: cells[iMetric] ?? '', timeMs, value, tags };
    },
  };
}
