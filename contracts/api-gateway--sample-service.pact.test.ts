import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { SampleClient } from '../stack/clients/sample-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like, eachLike, integer } = MatchersV3;
const pact = pactFor('api-gateway', 'sample-service');
const { id, barcode, sample_type, status } = FIXTURES.sample;
/** The sample fields the gateway's sample client reads; nothing else is pinned. */
const sampleBody = { id: like(id), barcode: like(barcode), sample_type: like(sample_type), status: like(status) };
const sample = { id, barcode, sample_type, status };

describe('api-gateway -> sample-service (the gateway serves sample reads and intake)', () => {
  it('lists samples with their id, barcode, type and status, and the total', async () => {
    await pact
      .addInteraction()
      .given(STATES.sampleExists)
      .uponReceiving(HTTP.listSamples)
      .withRequest('GET', '/api/v1/samples')
      .willRespondWith(200, (res) => res.jsonBody({ data: eachLike(sampleBody), total: integer(1) }))
      .executeTest(async (server) => {
        expect(await new SampleClient({ baseUrl: server.url }).list()).toEqual({ data: [sample], total: 1 });
      });
  });

  it('fetches one sample by id', async () => {
    await pact
      .addInteraction()
      .given(STATES.sampleExists)
      .uponReceiving(HTTP.getSample)
      .withRequest('GET', `/api/v1/samples/${id}`)
      .willRespondWith(200, (res) => res.jsonBody(sampleBody))
      .executeTest(async (server) => {
        expect(await new SampleClient({ baseUrl: server.url }).get(id)).toEqual(sample);
      });
  });

  it('registers a sample (the service stores it) and reads back what it got', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.createSample)
      .withRequest('POST', '/api/v1/samples', (req) => req.jsonBody({ sample_type: like(sample_type) }))
      .willRespondWith(201, (res) => res.jsonBody({ ...sampleBody, status: like('stored') }))
      .executeTest(async (server) => {
        expect(await new SampleClient({ baseUrl: server.url }).create({ sample_type })).toEqual({ ...sample, status: 'stored' });
      });
  });
});
