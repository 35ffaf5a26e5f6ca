import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { StorageClient } from '../stack/clients/storage-client.ts';
import { handleLocationAssigned } from '../stack/events/sample-handlers.ts';
import { SampleStore } from '../stack/services/sample/sample-store.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { contentOf } from './consumer/message-content.ts';
import { HTTP, MESSAGES } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const { assignment, sample } = FIXTURES;

export const contract: ConsumerContract = {
  consumer: 'sample-service',
  provider: 'storage-service',
  title: 'intake stores each new sample',
  cases: () => [
    {
      name: 'asks for a storage location for a new sample and reads the assignment',
      description: HTTP.assignLocation,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.storageHasRoom)
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/storage/assignments', (req) => req.jsonBody({ sample_id: like(sample.id) }))
          .willRespondWith(201, (res) => res.jsonBody({ id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id), position: like(assignment.position) }))
          .executeTest(async (server) => {
            assert.deepEqual(await new StorageClient({ baseUrl: server.url }).assignLocation(sample.id), assignment);
          }),
    },
    {
      name: 'marks a received sample stored when storage.location_assigned arrives',
      description: MESSAGES.locationAssigned,
      run: (pact, description) =>
        pact
          .addAsynchronousInteraction()
          .expectsToReceive(description, (msg) =>
            msg.withJSONContent({ assignment_id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id) }))
          .executeTest(async (message) => {
            const store = new SampleStore();
            store.insert({ id: sample.id, barcode: sample.barcode, sample_type: sample.sample_type }, new Date());
            assert.deepEqual(handleLocationAssigned(store, contentOf(message)), { handled: true });
            const stored = store.get(sample.id);
            assert.deepEqual(
              { status: stored?.status, storage_location_id: stored?.storage_location_id, storage_assignment_id: stored?.storage_assignment_id },
              { status: 'stored', storage_location_id: assignment.location_id, storage_assignment_id: assignment.id },
            );
          }),
    },
  ],
};
