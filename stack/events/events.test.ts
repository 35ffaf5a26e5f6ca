import { describe, expect, it } from 'vitest';
import { handleJobCompletedNotice } from './notification-handlers.ts';
import { MessageError } from './message-error.ts';
import { handleJobCompleted, handleLocationAssigned, type SampleStatusStore } from './sample-handlers.ts';
import { buildSampleCreated } from './sample-events.ts';
import { buildJobCompleted } from './sequencing-events.ts';
import { buildLocationAssigned } from './storage-events.ts';

const now = () => new Date('2025-07-01T09:00:00Z');
const assignment = { id: 'as-1', sample_id: 's-1', location_id: 'loc-1', position: 'A1' };
const job = { id: 'job-1', sample_id: 's-1', platform: 'NovaSeq 6000', status: 'completed' };

function store(status: string): SampleStatusStore & { state: Record<string, unknown> } {
  const state: Record<string, unknown> = { status, storage_location_id: null };
  return { state, get: (id) => (id === 's-1' ? (state as { status: string; storage_location_id: string | null }) : undefined), update: (_id, patch) => Object.assign(state, patch) };
}

describe('event producers', () => {
  it('build sample.created with the sample fields, renaming barcode under drift', () => {
    const sample = { id: 's-1', barcode: 'B-1', sample_type: 'blood', status: 'stored', created_at: '2025-07-01T08:00:00Z' };
    expect(buildSampleCreated(sample, { now })).toEqual({ sample_id: 's-1', barcode: 'B-1', sample_type: 'blood', status: 'stored', created_at: '2025-07-01T08:00:00Z', occurred_at: '2025-07-01T09:00:00.000Z' });
    expect(buildSampleCreated(sample, { now, drift: true })).toHaveProperty('bar_code', 'B-1');
  });

  it('build storage.location_assigned, renaming location_id under drift', () => {
    expect(buildLocationAssigned(assignment, -80, { now })).toMatchObject({ assignment_id: 'as-1', location_id: 'loc-1', temperature_c: -80 });
    expect(buildLocationAssigned(assignment, -80, { now, drift: true })).toHaveProperty('locationId', 'loc-1');
  });
});

describe('sample-service handlers', () => {
  it('store a received sample at the assigned location', () => {
    const s = store('received');
    expect(handleLocationAssigned(s, buildLocationAssigned(assignment, -80))).toEqual({ handled: true });
    expect(s.state).toMatchObject({ status: 'stored', storage_location_id: 'loc-1' });
  });

  it('acknowledge, without acting, an event for a sample they do not know', () => {
    expect(handleLocationAssigned(store('received'), { ...buildLocationAssigned(assignment, -80), sample_id: 'other' })).toEqual({ handled: false, reason: 'no sample other' });
  });

  it('mark a sample sequenced when its job completes', () => {
    const s = store('sequencing');
    handleJobCompleted(s, buildJobCompleted(job));
    expect(s.state['status']).toBe('sequenced');
  });

  it('reject a drifted message with the missing field named', () => {
    expect(() => handleLocationAssigned(store('received'), buildLocationAssigned(assignment, -80, { drift: true }))).toThrow(MessageError);
    expect(() => handleJobCompleted(store('sequencing'), buildJobCompleted(job, { drift: true }))).toThrow(/job_id/);
  });
});

describe('notification-service handler', () => {
  it('posts a Teams message for a completed job', () => {
    const added: unknown[] = [];
    handleJobCompletedNotice({ add: (n) => added.push(n) }, buildJobCompleted(job));
    expect(added).toEqual([expect.objectContaining({ channel: 'teams', recipient: '#sequencing', subject: 'Sequencing job job-1 completed' })]);
  });
});
