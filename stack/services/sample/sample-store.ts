import { randomUUID } from 'node:crypto';

export const SAMPLE_STATUSES = ['received', 'stored', 'sequencing', 'sequenced', 'failed'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

export interface SampleRecord {
  readonly id: string;
  readonly barcode: string;
  readonly sample_type: string;
  readonly status: SampleStatus;
  readonly storage_location_id: string | null;
  /** The storage assignment sample-service made itself (released when the sample is deleted). */
  readonly storage_assignment_id: string | null;
  readonly sequencing_job_id: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly created_at: string;
  readonly updated_at: string;
}

const NEXT: Readonly<Record<SampleStatus, readonly SampleStatus[]>> = {
  received: ['stored', 'failed'],
  stored: ['sequencing', 'failed'],
  sequencing: ['sequenced', 'failed'],
  sequenced: [],
  failed: [],
};

/** The lifecycle received -> stored -> sequencing -> sequenced (failed from any live state). */
export function canTransition(from: SampleStatus, to: SampleStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** One page of samples, and how many match in all. */
export interface SamplePage {
  readonly items: SampleRecord[];
  readonly total: number;
}

/**
 * In-memory samples, in insertion order, with a count per status (so a page costs its own size, not
 * the store's: a list that copied every sample slowed down as a load test filled the store).
 * `version` changes on every write (the list cache keys on it).
 */
export class SampleStore {
  readonly #samples = new Map<string, SampleRecord>();
  readonly #barcodes = new Map<string, string>();
  readonly #perStatus = new Map<string, number>();
  #version = 0;
  #sequence = 0;

  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#samples.size;
  }

  get(id: string): SampleRecord | undefined {
    return this.#samples.get(id);
  }

  byBarcode(barcode: string): SampleRecord | undefined {
    const id = this.#barcodes.get(barcode);
    return id === undefined ? undefined : this.#samples.get(id);
  }

  /** Samples `offset` to `offset + limit` (in insertion order) among those with `status` (or all). */
  page(status: string | undefined, offset: number, limit: number): SamplePage {
    const total = status === undefined ? this.#samples.size : (this.#perStatus.get(status) ?? 0);
    const items: SampleRecord[] = [];
    if (limit === 0 || offset >= total) return { items, total };
    let skipped = 0;
    for (const sample of this.#samples.values()) {
      if (status !== undefined && sample.status !== status) continue;
      if (skipped < offset) skipped += 1;
      else if (items.push(sample) >= limit) break;
    }
    return { items, total };
  }

  #count(status: SampleStatus, delta: number): void {
    this.#perStatus.set(status, (this.#perStatus.get(status) ?? 0) + delta);
  }

  nextBarcode(now: Date): string {
    this.#sequence += 1;
    return `TS-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${String(this.#sequence).padStart(5, '0')}`;
  }

  insert(input: Pick<SampleRecord, 'barcode' | 'sample_type'> & Partial<SampleRecord>, now: Date): SampleRecord {
    const at = now.toISOString();
    const record: SampleRecord = {
      id: input.id ?? randomUUID(),
      status: 'received',
      storage_location_id: null,
      storage_assignment_id: null,
      sequencing_job_id: null,
      metadata: {},
      created_at: at,
      ...input,
      updated_at: at,
    };
    this.#samples.set(record.id, record);
    this.#barcodes.set(record.barcode, record.id);
    this.#count(record.status, 1);
    this.#version += 1;
    return record;
  }

  update(id: string, patch: Partial<Omit<SampleRecord, 'id' | 'created_at'>>, now: Date = new Date()): SampleRecord | undefined {
    const current = this.#samples.get(id);
    if (!current) return undefined;
    const next: SampleRecord = { ...current, ...patch, updated_at: now.toISOString() };
    if (next.barcode !== current.barcode) {
      this.#barcodes.delete(current.barcode);
      this.#barcodes.set(next.barcode, id);
    }
    this.#samples.set(id, next);
    this.#count(current.status, -1);
    this.#count(next.status, 1);
    this.#version += 1;
    return next;
  }

  delete(id: string): SampleRecord | undefined {
    const current = this.#samples.get(id);
    if (!current) return undefined;
    this.#samples.delete(id);
    this.#barcodes.delete(current.barcode);
    this.#count(current.status, -1);
    this.#version += 1;
    return current;
  }

  clear(): void {
    this.#samples.clear();
    this.#barcodes.clear();
    this.#perStatus.clear();
    this.#version += 1;
  }
}
