import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { SampleClient } from '../stack/clients/sample-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('transaction-service', 'sample-service');
const { id, barcode, sample_type, status } = FIXTURES.sample;

describe('transaction-service -> sample-service (the saga\'s first step and its compensation)', () => {
  it('creates a sample without storage and keeps its id for the next steps', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.sagaCreateSample)
      .withRequest('POST', '/api/v1/samples', (req) => req.jsonBody({ sample_type: like(sample_type), auto_assign: false }))
      .willRespondWith(201, (res) => res.jsonBody({ id: like(id), barcode: like(barcode), sample_type: like(sample_type), status: like(status) }))
      .executeTest(async (server) => {
        const created = await new SampleClient({ baseUrl: server.url }).create({ sample_type, auto_assign: false });
        expect(created.id).toBe(id);
      });
  });

  it('deletes the sample it created when a later step fails', async () => {
    await pact
      .addInteraction()
      .given(STATES.sampleExists)
      .uponReceiving(HTTP.sagaCompensateSample)
      .withRequest('DELETE', `/api/v1/samples/${id}`)
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(new SampleClient({ baseUrl: server.url }).delete(id)).resolves.toBeUndefined();
      });
  });
});
