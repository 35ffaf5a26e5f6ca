import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { SequencingClient } from '../stack/clients/sequencing-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('transaction-service', 'sequencing-service');
const { job, sample } = FIXTURES;
const jobBody = (status: string) => ({ id: like(job.id), sample_id: like(sample.id), status: like(status) });

describe('transaction-service -> sequencing-service (the saga\'s last step and its compensation)', () => {
  it('submits the saga\'s sequencing job and keeps the job id', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.sagaSubmitJob)
      .withRequest('POST', '/api/v1/sequencing/jobs', (req) => req.jsonBody({ sample_id: like(sample.id), platform: like(job.platform) }))
      .willRespondWith(201, (res) => res.jsonBody(jobBody('queued')))
      .executeTest(async (server) => {
        expect((await new SequencingClient({ baseUrl: server.url }).submitJob({ sample_id: sample.id, platform: job.platform })).id).toBe(job.id);
      });
  });

  it('cancels the job it submitted when the saga is compensated', async () => {
    await pact
      .addInteraction()
      .given(STATES.queuedJobExists)
      .uponReceiving(HTTP.sagaCompensateJob)
      .withRequest('DELETE', `/api/v1/sequencing/jobs/${job.id}`)
      .willRespondWith(200, (res) => res.jsonBody(jobBody('cancelled')))
      .executeTest(async (server) => {
        expect(await new SequencingClient({ baseUrl: server.url }).cancelJob(job.id)).toEqual({ id: job.id, sample_id: sample.id, status: 'cancelled' });
      });
  });
});
