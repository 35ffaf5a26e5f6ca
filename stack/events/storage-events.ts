import { isoNow, type ProduceOptions } from './envelope.ts';

export const LOCATION_ASSIGNED = 'storage.location_assigned';
export const LOCATION_RELEASED = 'storage.location_released';

export interface AssignmentLike {
  readonly id: string;
  readonly sample_id: string;
  readonly location_id: string;
  readonly position: string;
}

/** storage.location_assigned (drift: location_id -> locationId). */
export function buildLocationAssigned(assignment: AssignmentLike, temperatureC: number, options: ProduceOptions = {}): Record<string, unknown> {
  const locationKey = options.drift ? 'locationId' : 'location_id';
  return {
    assignment_id: assignment.id,
    sample_id: assignment.sample_id,
    [locationKey]: assignment.location_id,
    position: assignment.position,
    temperature_c: temperatureC,
    assigned_at: isoNow(options),
  };
}

/** storage.location_released (drift: location_id -> locationId). */
export function buildLocationReleased(assignment: AssignmentLike, options: ProduceOptions = {}): Record<string, unknown> {
  const locationKey = options.drift ? 'locationId' : 'location_id';
  return { assignment_id: assignment.id, sample_id: assignment.sample_id, [locationKey]: assignment.location_id, released_at: isoNow(options) };
}
