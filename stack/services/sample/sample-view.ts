import type { ListQuery } from '../../runtime/list-query.ts';
import type { SampleRecord, SampleStore } from './sample-store.ts';

/** The Sample response body (catalog/tracseq/schemas/sample.json); drift renames `barcode` to `bar_code`. */
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

/** `{data, total}`: `total` counts every sample matching the filter, `data` is the requested page. */
export function listBody(store: SampleStore, query: ListQuery, drift: boolean): { data: Record<string, unknown>[]; total: number } {
  const page = store.page(query.status, query.offset, query.limit);
  return { data: page.items.map((s) => sampleView(s, drift)), total: page.total };
}
