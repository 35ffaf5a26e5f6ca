import { randomUUID } from 'node:crypto';

export interface LocationRecord {
  readonly id: string;
  readonly name: string;
  readonly temperature_c: number;
  readonly capacity: number;
}

export interface AssignmentRecord {
  readonly id: string;
  readonly sample_id: string;
  readonly location_id: string;
  readonly position: string;
  readonly assigned_at: string;
}

/** The laboratory's storage units (seed 000: -80 C freezers, -20 C, 4 C, room temperature, liquid nitrogen). */
export function seedLocations(): LocationRecord[] {
  return [
    { id: 'loc-freezer-80-a', name: 'Freezer -80C A', temperature_c: -80, capacity: 96 },
    { id: 'loc-freezer-80-b', name: 'Freezer -80C B', temperature_c: -80, capacity: 96 },
    { id: 'loc-freezer-20-a', name: 'Freezer -20C A', temperature_c: -20, capacity: 96 },
    { id: 'loc-fridge-4-a', name: 'Fridge 4C A', temperature_c: 4, capacity: 48 },
    { id: 'loc-shelf-rt-a', name: 'Room temperature shelf A', temperature_c: 22, capacity: 48 },
    { id: 'loc-ln2-a', name: 'Liquid nitrogen tank A', temperature_c: -196, capacity: 384 },
  ];
}

/** Plate-style position for slot n (0-based): A1..H12, then the next plate (P2-A1...). */
export function positionName(slot: number): string {
  const plate = Math.floor(slot / 96);
  const well = slot % 96;
  const name = `${String.fromCharCode(65 + Math.floor(well / 12))}${(well % 12) + 1}`;
  return plate === 0 ? name : `P${plate + 1}-${name}`;
}

/** Slot index of a position name within `capacity` slots, or -1. */
export function slotOf(position: string, capacity: number): number {
  for (let slot = 0; slot < capacity; slot++) if (positionName(slot) === position) return slot;
  return -1;
}

/** Locations with their occupied slots; assigns the lowest free slot of the first unit that fits. */
export class StorageStore {
  readonly locations = new Map<string, LocationRecord>();
  readonly assignments = new Map<string, AssignmentRecord>();
  readonly #occupied = new Map<string, Set<number>>();

  constructor(locations: readonly LocationRecord[] = seedLocations()) {
    for (const l of locations) this.addLocation(l);
  }

  addLocation(location: LocationRecord): void {
    this.locations.set(location.id, location);
    if (!this.#occupied.has(location.id)) this.#occupied.set(location.id, new Set());
  }

  used(locationId: string): number {
    return this.#occupied.get(locationId)?.size ?? 0;
  }

  firstFreeSlot(locationId: string): number {
    const occupied = this.#occupied.get(locationId) ?? new Set<number>();
    let slot = 0;
    while (occupied.has(slot)) slot += 1;
    return slot;
  }

  /** Picks a unit (the requested temperature, else the first with room) and a free slot; undefined when full. */
  assign(sampleId: string, temperatureC: number | undefined, now: Date, id: string = randomUUID()): AssignmentRecord | undefined {
    for (const location of this.locations.values()) {
      if (temperatureC !== undefined && location.temperature_c !== temperatureC) continue;
      const occupied = this.#occupied.get(location.id)!;
      if (occupied.size >= location.capacity) continue;
      const slot = this.firstFreeSlot(location.id);
      return this.place({ id, sample_id: sampleId, location_id: location.id, position: positionName(slot), assigned_at: now.toISOString() }, slot);
    }
    return undefined;
  }

  place(assignment: AssignmentRecord, slot: number): AssignmentRecord {
    this.#occupied.get(assignment.location_id)?.add(slot);
    this.assignments.set(assignment.id, { ...assignment, position: assignment.position || positionName(slot) });
    return this.assignments.get(assignment.id)!;
  }

  release(id: string): AssignmentRecord | undefined {
    const assignment = this.assignments.get(id);
    if (!assignment) return undefined;
    this.assignments.delete(id);
    const occupied = this.#occupied.get(assignment.location_id);
    for (const slot of occupied ?? []) if (positionName(slot) === assignment.position) occupied?.delete(slot);
    return assignment;
  }

  reset(): void {
    this.assignments.clear();
    this.locations.clear();
    this.#occupied.clear();
    for (const l of seedLocations()) this.addLocation(l);
  }
}
