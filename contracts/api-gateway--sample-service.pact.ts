import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { SampleClient } from '../stack/clients/sample-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like, eachLike, integer } = MatchersV3;
const { id, barcode, sample_type, status } = FIXTURES.sample;
/** The sample fields the gateway's sample client reads; nothing else is pinned. */
const sampleBody = { id: like(id), barcode: like(barcode), sample_type: like(sample_type), status: like(status) };
const sample = { id, barcode, sample_type, status };

export const contract: ConsumerContract = {
  consumer: 'api-gateway',
  provider: 'sample-service',
  title: 'the gateway serves sample reads and intake',
  cases: () => [
    {
      name: 'lists samples with their id, barcode, type and status, and the total',
      description: HTTP.listSamples,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.sampleExists)
          .uponReceiving(description)
          .withRequest('GET', '/api/v1/samples')
          .willRespondWith(200, (res) => res.jsonBody({ data: eachLike(sampleBody), total: integer(1) }))
          .executeTest(async (server) => {
            assert.deepEqual(await new SampleClient({ baseUrl: server.url }).list(), { data: [sample], total: 1 });
          }),
    },
    {
      name: 'fetches one sample by id',
      description: HTTP.getSample,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.sampleExists)
          .uponReceiving(description)
          .withRequest('GET', `/api/v1/samples/${id}`)
          .willRespondWith(200, (res) => res.jsonBody(sampleBody))
          .executeTest(async (server) => {
            assert.deepEqual(await new SampleClient({ baseUrl: server.url }).get(id), sample);
          }),
    },
    {
      name: 'registers a sample (the service stores it) and reads back what it got',
      description: HTTP.createSample,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/samples', (req) => req.jsonBody({ sample_type: like(sample_type) }))
          .willRespondWith(201, (res) => res.jsonBody({ ...sampleBody, status: like('stored') }))
          .executeTest(async (server) => {
            assert.deepEqual(await new SampleClient({ baseUrl: server.url }).create({ sample_type }), { ...sample, status: 'stored' });
          }),
    },
  ],
};
