import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { SampleClient } from '../stack/clients/sample-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const { id, barcode, sample_type, status } = FIXTURES.sample;

export const contract: ConsumerContract = {
  consumer: 'transaction-service',
  provider: 'sample-service',
  title: 'the saga\'s first step and its compensation',
  cases: () => [
    {
      name: 'creates a sample without storage and keeps its id for the next steps',
      description: HTTP.sagaCreateSample,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/samples', (req) => req.jsonBody({ sample_type: like(sample_type), auto_assign: false }))
          .willRespondWith(201, (res) => res.jsonBody({ id: like(id), barcode: like(barcode), sample_type: like(sample_type), status: like(status) }))
          .executeTest(async (server) => {
            const created = await new SampleClient({ baseUrl: server.url }).create({ sample_type, auto_assign: false });
            assert.equal(created.id, id);
          }),
    },
    {
      name: 'deletes the sample it created when a later step fails',
      description: HTTP.sagaCompensateSample,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.sampleExists)
          .uponReceiving(description)
          .withRequest('DELETE', `/api/v1/samples/${id}`)
          .willRespondWith(204)
          .executeTest(async (server) => {
            assert.equal(await new SampleClient({ baseUrl: server.url }).delete(id), undefined);
          }),
    },
  ],
};
