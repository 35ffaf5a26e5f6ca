import { z } from 'zod';
import { buildLocationAssigned, buildLocationReleased, LOCATION_ASSIGNED, LOCATION_RELEASED } from '../../events/storage-events.ts';
import { parseBody } from '../../runtime/body.ts';
import { publish } from '../../runtime/events.ts';
import { HttpError, type ServiceContext, type ServiceInstance, type ServiceModule } from '../../runtime/types.ts';
import { positionName, slotOf, StorageStore, type AssignmentRecord } from './storage-store.ts';

const AssignSchema = z.object({ sample_id: z.string().min(1), temperature_c: z.number().optional() });
const LocationSeed = z.object({ id: z.string().min(1), name: z.string().min(1), temperature_c: z.number(), capacity: z.number().int().positive() });
const AssignmentSeed = z.object({ id: z.string().min(1), sample_id: z.string().min(1), location_id: z.string().min(1), position: z.string().min(1).optional() });
const SeedSchema = z.strictObject({ locations: z.array(LocationSeed).default([]), assignments: z.array(AssignmentSeed).default([]) });
const ProduceSchema = z.object({
  id: z.string().min(1).default('assignment-0001'),
  sample_id: z.string().min(1).default('sample-0001'),
  location_id: z.string().min(1).default('loc-freezer-80-a'),
  position: z.string().min(1).default('A1'),
  temperature_c: z.number().default(-80),
});

/** The Assignment body (the storage assignment the contracts pin); drift renames `location_id` to `locationId`. */
export function assignmentView(a: AssignmentRecord, drift: boolean): Record<string, unknown> {
  return { id: a.id, sample_id: a.sample_id, [drift ? 'locationId' : 'location_id']: a.location_id, position: a.position, assigned_at: a.assigned_at };
}

function create(ctx: ServiceContext): ServiceInstance {
  const store = new StorageStore();
  const drift = () => ctx.faults.current.drift;
  const temperatureOf = (a: AssignmentRecord) => store.locations.get(a.location_id)?.temperature_c ?? 0;
  const found = (id: string) => {
    const a = store.assignments.get(id);
    if (!a) throw new HttpError(404, `no assignment ${id}`);
    return a;
  };
  return {
    routes: [
      {
        method: 'GET',
        path: '/api/v1/storage/locations',
        handler: () => ({ status: 200, body: { data: [...store.locations.values()].map((l) => ({ ...l, used: store.used(l.id) })) } }),
      },
      { method: 'GET', path: '/api/v1/storage/assignments', handler: () => ({ status: 200, body: { data: [...store.assignments.values()].map((a) => assignmentView(a, drift())) } }) },
      { method: 'GET', path: '/api/v1/storage/assignments/:id', handler: (req) => ({ status: 200, body: assignmentView(found(req.params['id']!), drift()) }) },
      {
        method: 'POST',
        path: '/api/v1/storage/assignments',
        handler: async (req) => {
          const input = parseBody(AssignSchema, req.body);
          const assignment = store.assign(input.sample_id, input.temperature_c, new Date());
          if (!assignment) throw new HttpError(409, `no free storage location${input.temperature_c === undefined ? '' : ` at ${input.temperature_c} C`}`);
          await publish(ctx, LOCATION_ASSIGNED, buildLocationAssigned(assignment, temperatureOf(assignment), { drift: drift() }));
          return { status: 201, body: assignmentView(assignment, drift()) };
        },
      },
      {
        method: 'DELETE',
        path: '/api/v1/storage/assignments/:id',
        handler: async (req) => {
          const released = store.release(found(req.params['id']!).id)!;
          await publish(ctx, LOCATION_RELEASED, buildLocationReleased(released, { drift: drift() }));
          return { status: 204 };
        },
      },
    ],
    reset: () => store.reset(),
    seed: (body) => {
      const seed = parseBody(SeedSchema, body);
      for (const l of seed.locations) store.addLocation(l);
      for (const a of seed.assignments) {
        const location = store.locations.get(a.location_id);
        if (!location) throw new HttpError(400, `assignments: unknown location_id ${a.location_id}`);
        const slot = a.position ? slotOf(a.position, location.capacity) : store.firstFreeSlot(location.id);
        if (slot < 0) throw new HttpError(400, `assignments: position ${a.position} is not within ${location.id}`);
        store.place({ ...a, position: a.position ?? positionName(slot), assigned_at: new Date().toISOString() }, slot);
      }
      return { locations: store.locations.size, assignments: store.assignments.size };
    },
    produce: (event, data) => {
      const a = parseBody(ProduceSchema, data);
      const record = { ...a, assigned_at: new Date().toISOString() };
      if (event === LOCATION_ASSIGNED) return buildLocationAssigned(record, a.temperature_c, { drift: drift() });
      if (event === LOCATION_RELEASED) return buildLocationReleased(record, { drift: drift() });
      throw new HttpError(404, `storage-service produces ${LOCATION_ASSIGNED} and ${LOCATION_RELEASED}, not "${event}"`);
    },
  };
}

export const storageService: ServiceModule = { database: true, create };
