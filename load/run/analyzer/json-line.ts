import { z } from 'zod';
import { ANALYZED_METRICS, type K6Sample } from './k6-sample.ts';
import { parseTimeMs } from './time.ts';

/**
 * One line of k6's JSON output (`--out json=file.gz`). Lines of metrics the analyzer does not read
 * are skipped by their prefix before any parsing; the rest are JSON-parsed and checked by zod.
 */
const PointLine = z.object({
  metric: z.string(),
  type: z.literal('Point'),
  data: z.object({
    time: z.string(),
    value: z.number(),
    tags: z.record(z.string(), z.string()).nullable().optional(),
  }),
});

const PREFIX = '{"metric":"';

export type LineResult = K6Sample | 'skip' | { readonly error: string };

export function parseJsonLine(line: string): LineResult {
  if (!line.startsWith(PREFIX)) return line.startsWith('{"type":"Metric"') || line.trim() === '' ? 'skip' : { error: 'not a k6 JSON output line' };
  const end = line.indexOf('"', PREFIX.length);
  if (!ANALYZED_METRICS.has(line.slice(PREFIX.length, end))) return 'skip';
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { error: 'truncated or invalid JSON' };
  }
  const parsed = PointLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join('.') || '(line)'}: ${issue?.message ?? 'invalid'}` };
  }
  const timeMs = parseTimeMs(parsed.data.data.time);
  if (Number.isNaN(timeMs)) return { error: `data.time: "${parsed.data.data.time}" is not an RFC 3339 time` };
  return { metric: parsed.data.metric, timeMs, value: parsed.data.data.value, tags: parsed.data.data.tags ?? {} };
}
