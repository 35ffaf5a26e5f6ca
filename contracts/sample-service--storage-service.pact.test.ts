import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { StorageClient } from '../stack/clients/storage-client.ts';
import { handleLocationAssigned } from '../stack/events/sample-handlers.ts';
import { SampleStore } from '../stack/services/sample/sample-store.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP, MESSAGES } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('sample-service', 'storage-service');
const { assignment, sample } = FIXTURES;

describe('sample-service -> storage-service (intake stores each new sample)', () => {
  it('asks for a storage location for a new sample and reads the assignment', async () => {
    await pact
      .addInteraction()
      .given(STATES.storageHasRoom)
      .uponReceiving(HTTP.assignLocation)
      .withRequest('POST', '/api/v1/storage/assignments', (req) => req.jsonBody({ sample_id: like(sample.id) }))
      .willRespondWith(201, (res) => res.jsonBody({ id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id), position: like(assignment.position) }))
      .executeTest(async (server) => {
        expect(await new StorageClient({ baseUrl: server.url }).assignLocation(sample.id)).toEqual(assignment);
      });
  });

  it('marks a received sample stored when storage.location_assigned arrives', async () => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(MESSAGES.locationAssigned, (msg) =>
        msg.withJSONContent({ assignment_id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id) }))
      .executeTest(async (message) => {
        const store = new SampleStore();
        store.insert({ id: sample.id, barcode: sample.barcode, sample_type: sample.sample_type }, new Date());
        expect(handleLocationAssigned(store, contentOf(message))).toEqual({ handled: true });
        expect(store.get(sample.id)).toMatchObject({ status: 'stored', storage_location_id: assignment.location_id, storage_assignment_id: assignment.id });
      });
  });
});
