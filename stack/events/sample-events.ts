import { isoNow, type ProduceOptions } from './envelope.ts';

export const SAMPLE_CREATED = 'sample.created';

export interface SampleLike {
  readonly id: string;
  readonly barcode: string;
  readonly sample_type: string;
  readonly status: string;
  readonly created_at: string;
}

/** sample.created, published by sample-service after a sample is received (drift: barcode -> bar_code). */
export function buildSampleCreated(sample: SampleLike, options: ProduceOptions = {}): Record<string, unknown> {
  const barcodeKey = options.drift ? 'bar_code' : 'barcode';
  return {
    sample_id: sample.id,
    [barcodeKey]: sample.barcode,
    sample_type: sample.sample_type,
    status: sample.status,
    created_at: sample.created_at,
    occurred_at: isoNow(options),
  };
}
