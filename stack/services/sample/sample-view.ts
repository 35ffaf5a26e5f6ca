import type { SampleRecord } from './sample-store.ts';

/** The Sample response body (core/response-schemas `Sample`); drift renames `barcode` to `bar_code`. */
export function sampleView(s: SampleRecord, drift: boolean): Record<string, unknown> {
  return {
    id: s.id,
    [drift ? 'bar_code' : 'barcode']: s.barcode,
    sample_type: s.sample_type,
    status: s.status,
    storage_location_id: s.storage_location_id,
    sequencing_job_id: s.sequencing_job_id,
    metadata: s.metadata,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

export interface ListQuery {
  readonly status?: string;
  readonly limit: number;
  readonly offset: number;
}

export const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** `?status=&limit=&offset=` (bad numbers fall back to the defaults; limit is capped at 1000). */
export function parseListQuery(search: string): ListQuery {
  if (search === '') return { limit: DEFAULT_LIMIT, offset: 0 };
  const params = new URLSearchParams(search);
  const int = (name: string, fallback: number) => {
    const n = Number(params.get(name) ?? Number.NaN);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  const status = params.get('status') ?? undefined;
  return { ...(status ? { status } : {}), limit: Math.min(MAX_LIMIT, int('limit', DEFAULT_LIMIT)), offset: int('offset', 0) };
}

/** `{data, total}`: `total` counts every sample matching the filter, `data` is the requested page. */
export function listBody(samples: readonly SampleRecord[], query: ListQuery, drift: boolean): { data: Record<string, unknown>[]; total: number } {
  const matching = query.status ? samples.filter((s) => s.status === query.status) : samples;
  return { data: matching.slice(query.offset, query.offset + query.limit).map((s) => sampleView(s, drift)), total: matching.length };
}
