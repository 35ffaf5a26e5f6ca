import { z } from 'zod';
import { formatIssues } from '../../core/zod-issues.ts';
import { failure, type QueryResult, type Sample } from './result.ts';

/** Parses one /api/v1/query HTTP answer (pure): every shape the Prometheus API (or a proxy) can give. */

const SampleValue = z.tuple([z.number(), z.string()]);
const ApiResponse = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  infos: z.array(z.string()).optional(),
});
const VectorData = z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: SampleValue })) });
const ScalarData = z.object({ resultType: z.literal('scalar'), result: SampleValue });
const OtherData = z.object({ resultType: z.string() });

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** Prometheus writes special values as strings: "NaN", "+Inf", "-Inf". */
export function parseSampleValue(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function parseQueryResponse(answer: HttpAnswer): QueryResult {
  const { status, body } = answer;
  const looksHtml = /html/i.test(answer.contentType ?? '') || /^\s*</.test(body);
  if (looksHtml) return failure(status === 401 || status === 403 ? 'auth' : 'bad-response', `expected JSON from the Prometheus API, got an HTML page (HTTP ${status}${htmlTitle(body)}); is a proxy or login page in the way?`, status);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure(status === 401 || status === 403 ? 'auth' : 'bad-response', `expected JSON from the Prometheus API, got ${describe(answer)} (HTTP ${status}): ${snippet(body)}`, status);
  }
  const api = ApiResponse.safeParse(json);
  if (!api.success) return failure('bad-response', `not a Prometheus API answer (HTTP ${status}): ${snippet(body)}`, status);
  const warnings = [...(api.data.warnings ?? [])];
  if (api.data.status === 'error' || status >= 400) {
    const type = api.data.errorType ?? `HTTP ${status}`;
    const kind = status === 401 || status === 403 ? 'auth' : type === 'timeout' || type === 'canceled' ? 'timeout' : 'query-error';
    return failure(kind, `Prometheus ${type} (HTTP ${status}): ${api.data.error ?? 'no error message'}`, status, warnings);
  }
  return parseData(api.data.data, status, warnings);
}

function parseData(data: unknown, status: number, warnings: string[]): QueryResult {
  const vector = VectorData.safeParse(data);
  if (vector.success) {
    const samples: Sample[] = [];
    for (const item of vector.data.result) {
      const value = parseSampleValue(item.value[1]);
      if (value === undefined) return failure('bad-response', `sample value "${snippet(item.value[1])}" is not a number`, status, warnings);
      samples.push({ labels: item.metric, value });
    }
    return { ok: true, samples, warnings };
  }
  const scalar = ScalarData.safeParse(data);
  if (scalar.success) {
    const value = parseSampleValue(scalar.data.result[1]);
    if (value === undefined) return failure('bad-response', `scalar value "${snippet(scalar.data.result[1])}" is not a number`, status, warnings);
    return { ok: true, samples: [{ labels: {}, value }], warnings };
  }
  const other = OtherData.safeParse(data);
  const type = other.success ? other.data.resultType : 'unknown';
  // A vector or scalar of the wrong shape: name the field, not the result type it claims to be.
  const claimed = type === 'vector' ? vector : type === 'scalar' ? scalar : undefined;
  if (claimed && !claimed.success) return failure('bad-response', `malformed ${type} from the Prometheus API: data.${formatIssues(claimed.error)[0]}`, status, warnings);
  return failure('query-error', `expected an instant vector or scalar, got resultType "${type}"`, status, warnings);
}

function htmlTitle(body: string): string {
  const title = /<title[^>]*>([^<]{0,120})/i.exec(body)?.[1]?.trim();
  return title ? `, "${title}"` : '';
}

function describe(answer: HttpAnswer): string {
  return answer.contentType ? answer.contentType.split(';')[0]! : 'no content type';
}

export function snippet(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
