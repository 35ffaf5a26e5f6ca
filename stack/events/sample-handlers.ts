import { z } from 'zod';
import { readMessage, type HandlerOutcome } from './message-error.ts';
import { JOB_COMPLETED } from './sequencing-events.ts';
import { LOCATION_ASSIGNED } from './storage-events.ts';

/** The part of sample-service's store the event handlers touch. */
export interface SampleStatusStore {
  get(id: string): { readonly status: string; readonly storage_location_id: string | null } | undefined;
  update(id: string, patch: { status?: 'stored' | 'sequenced'; storage_location_id?: string; storage_assignment_id?: string }): unknown;
}

const LocationAssigned = z.object({ assignment_id: z.string().min(1), sample_id: z.string().min(1), location_id: z.string().min(1) });
const JobCompleted = z.object({ job_id: z.string().min(1), sample_id: z.string().min(1), status: z.literal('completed') });

/** storage.location_assigned -> the sample is stored at that location (idempotent). */
export function handleLocationAssigned(store: SampleStatusStore, message: unknown): HandlerOutcome {
  const event = readMessage(LOCATION_ASSIGNED, LocationAssigned, message);
  const sample = store.get(event.sample_id);
  if (!sample) return { handled: false, reason: `no sample ${event.sample_id}` };
  if (sample.status !== 'received') {
    if (sample.storage_location_id === null) store.update(event.sample_id, { storage_location_id: event.location_id, storage_assignment_id: event.assignment_id });
    return { handled: true };
  }
  store.update(event.sample_id, { status: 'stored', storage_location_id: event.location_id, storage_assignment_id: event.assignment_id });
  return { handled: true };
}

/** sequencing.job_completed -> the sample is sequenced. */
export function handleJobCompleted(store: SampleStatusStore, message: unknown): HandlerOutcome {
  const event = readMessage(JOB_COMPLETED, JobCompleted, message);
  const sample = store.get(event.sample_id);
  if (!sample) return { handled: false, reason: `no sample ${event.sample_id}` };
  if (sample.status === 'sequenced') return { handled: true };
  store.update(event.sample_id, { status: 'sequenced' });
  return { handled: true };
}

/** sample-service's consumers, by topic. */
export const SAMPLE_HANDLERS: Readonly<Record<string, (store: SampleStatusStore, message: unknown) => HandlerOutcome>> = {
  [LOCATION_ASSIGNED]: handleLocationAssigned,
  [JOB_COMPLETED]: handleJobCompleted,
};
