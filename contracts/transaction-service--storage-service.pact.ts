import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { StorageClient } from '../stack/clients/storage-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const { assignment, sample } = FIXTURES;

export const contract: ConsumerContract = {
  consumer: 'transaction-service',
  provider: 'storage-service',
  title: 'the saga\'s storage step and its compensation',
  cases: () => [
    {
      name: 'assigns storage to the saga\'s sample and keeps the assignment id',
      description: HTTP.sagaAssignStorage,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.storageHasRoom)
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/storage/assignments', (req) => req.jsonBody({ sample_id: like(sample.id) }))
          .willRespondWith(201, (res) => res.jsonBody({ id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id), position: like(assignment.position) }))
          .executeTest(async (server) => {
            assert.equal((await new StorageClient({ baseUrl: server.url }).assignLocation(sample.id)).id, assignment.id);
          }),
    },
    {
      name: 'releases the assignment when a later step fails',
      description: HTTP.sagaCompensateStorage,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.assignmentExists)
          .uponReceiving(description)
          .withRequest('DELETE', `/api/v1/storage/assignments/${assignment.id}`)
          .willRespondWith(204)
          .executeTest(async (server) => {
            assert.equal(await new StorageClient({ baseUrl: server.url }).releaseAssignment(assignment.id), undefined);
          }),
    },
  ],
};
