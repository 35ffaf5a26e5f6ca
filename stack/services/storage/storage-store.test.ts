import { describe, expect, it } from 'vitest';
import { positionName, slotOf, StorageStore } from './storage-store.ts';

const now = new Date('2025-07-01T09:00:00Z');

describe('StorageStore', () => {
  it.each([[0, 'A1'], [11, 'A12'], [12, 'B1'], [95, 'H12'], [96, 'P2-A1']])('names slot %d %s', (slot, name) => {
    expect(positionName(slot)).toBe(name);
    expect(slotOf(name, 200)).toBe(slot);
  });

  it('assigns the lowest free slot of the first unit with room, and reuses released slots', () => {
    const store = new StorageStore([{ id: 'l1', name: 'one', temperature_c: -80, capacity: 2 }, { id: 'l2', name: 'two', temperature_c: 4, capacity: 1 }]);
    const a = store.assign('s1', undefined, now)!;
    const b = store.assign('s2', undefined, now)!;
    expect([a.location_id, a.position, b.location_id, b.position]).toEqual(['l1', 'A1', 'l1', 'A2']);
    expect(store.assign('s3', undefined, now)?.location_id).toBe('l2');
    expect(store.assign('s4', undefined, now)).toBeUndefined();
    store.release(a.id);
    expect(store.used('l1')).toBe(1);
    expect(store.assign('s5', -80, now)).toMatchObject({ location_id: 'l1', position: 'A1' });
  });

  it('honours a requested temperature', () => {
    const store = new StorageStore();
    expect(store.assign('s1', -196, now)?.location_id).toBe('loc-ln2-a');
    expect(store.assign('s1', 37, now)).toBeUndefined();
  });
});
