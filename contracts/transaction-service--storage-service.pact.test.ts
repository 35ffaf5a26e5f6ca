import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { StorageClient } from '../stack/clients/storage-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('transaction-service', 'storage-service');
const { assignment, sample } = FIXTURES;

describe('transaction-service -> storage-service (the saga\'s storage step and its compensation)', () => {
  it('assigns storage to the saga\'s sample and keeps the assignment id', async () => {
    await pact
      .addInteraction()
      .given(STATES.storageHasRoom)
      .uponReceiving(HTTP.sagaAssignStorage)
      .withRequest('POST', '/api/v1/storage/assignments', (req) => req.jsonBody({ sample_id: like(sample.id) }))
      .willRespondWith(201, (res) => res.jsonBody({ id: like(assignment.id), sample_id: like(sample.id), location_id: like(assignment.location_id), position: like(assignment.position) }))
      .executeTest(async (server) => {
        expect((await new StorageClient({ baseUrl: server.url }).assignLocation(sample.id)).id).toBe(assignment.id);
      });
  });

  it('releases the assignment when a later step fails', async () => {
    await pact
      .addInteraction()
      .given(STATES.assignmentExists)
      .uponReceiving(HTTP.sagaCompensateStorage)
      .withRequest('DELETE', `/api/v1/storage/assignments/${assignment.id}`)
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(new StorageClient({ baseUrl: server.url }).releaseAssignment(assignment.id)).resolves.toBeUndefined();
      });
  });
});
