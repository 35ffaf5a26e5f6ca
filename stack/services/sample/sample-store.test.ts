import { describe, expect, it } from 'vitest';
import { tracseqSchema } from '../../testing/catalog-schemas.ts';
import { canTransition, SampleStore } from './sample-store.ts';
import { DEFAULT_LIMIT, parseListQuery } from '../../runtime/list-query.ts';
import { listBody, sampleView } from './sample-view.ts';

const now = new Date('2025-07-01T09:00:00Z');

describe('the sample lifecycle', () => {
  it.each([
    ['received', 'stored', true],
    ['stored', 'sequencing', true],
    ['sequencing', 'sequenced', true],
    ['stored', 'failed', true],
    ['received', 'sequenced', false],
    ['sequenced', 'stored', false],
    ['failed', 'received', false],
  ] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});

describe('SampleStore', () => {
  it('inserts received samples, finds them by barcode, and bumps its version on every write', () => {
    const store = new SampleStore();
    const v0 = store.version;
    const s = store.insert({ barcode: store.nextBarcode(now), sample_type: 'blood' }, now);
    expect(s).toMatchObject({ barcode: 'TS-20250701-00001', status: 'received', storage_location_id: null });
    expect(store.byBarcode('TS-20250701-00001')?.id).toBe(s.id);
    store.update(s.id, { status: 'stored', storage_location_id: 'loc-1' });
    expect(store.get(s.id)?.status).toBe('stored');
    store.delete(s.id);
    expect(store.byBarcode('TS-20250701-00001')).toBeUndefined();
    expect(store.version).toBe(v0 + 3);
  });
});

describe('sample pages', () => {
  it('keep the per-status totals right through updates and deletes', () => {
    const store = new SampleStore();
    const a = store.insert({ barcode: 'A', sample_type: 'blood' }, now);
    store.insert({ barcode: 'B', sample_type: 'blood' }, now);
    store.update(a.id, { status: 'stored' });
    expect(store.page('received', 0, 10).total).toBe(1);
    expect(store.page('stored', 0, 10).items.map((s) => s.barcode)).toEqual(['A']);
    store.delete(a.id);
    expect(store.page('stored', 0, 10).total).toBe(0);
    expect(store.page(undefined, 0, 0)).toEqual({ items: [], total: 1 });
    store.clear();
    expect(store.page('received', 0, 10).total).toBe(0);
  });
});

describe('sample views', () => {
  const Sample = tracseqSchema('sample.json');
  const SampleList = tracseqSchema('sample-list.json');
  const store = new SampleStore();
  for (let i = 0; i < 5; i++) store.insert({ barcode: `B${i}`, sample_type: 'blood', status: i < 2 ? 'stored' : 'received' }, now);

  it('produce bodies that satisfy the catalog\'s sample and sample-list schemas', () => {
    expect(Sample.check(sampleView(store.page(undefined, 0, 1).items[0]!, false))).toEqual([]);
    expect(SampleList.check(listBody(store, parseListQuery(''), false))).toEqual([]);
  });

  it('rename barcode to bar_code under drift, so the schema no longer matches', () => {
    const view = sampleView(store.page(undefined, 0, 1).items[0]!, true);
    expect(view['bar_code']).toBe('B0');
    expect(Sample.check(view).map((i) => i.pointer)).toEqual(['/barcode']);
  });

  it('page and filter lists while total counts every match', () => {
    expect(listBody(store, parseListQuery('status=stored&limit=1'), false)).toMatchObject({ total: 2, data: [{ barcode: 'B0' }] });
    expect(listBody(store, parseListQuery('offset=4'), false).data.map((s) => s['barcode'])).toEqual(['B4']);
    expect(listBody(store, parseListQuery('status=received&offset=1&limit=5'), false)).toMatchObject({ total: 3, data: [{ barcode: 'B3' }, { barcode: 'B4' }] });
    expect(listBody(store, parseListQuery('status=sequenced'), false)).toEqual({ total: 0, data: [] });
    expect(parseListQuery('limit=abc&offset=-1')).toEqual({ limit: DEFAULT_LIMIT, offset: 0 });
    expect(parseListQuery('limit=5000').limit).toBe(1000);
  });
});
