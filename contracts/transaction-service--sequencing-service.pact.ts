import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { SequencingClient } from '../stack/clients/sequencing-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES, STATES } from './provider-states.ts';

const { like } = MatchersV3;
const { job, sample } = FIXTURES;
const jobBody = (status: string) => ({ id: like(job.id), sample_id: like(sample.id), status: like(status) });

export const contract: ConsumerContract = {
  consumer: 'transaction-service',
  provider: 'sequencing-service',
  title: 'the saga\'s last step and its compensation',
  cases: () => [
    {
      name: 'submits the saga\'s sequencing job and keeps the job id',
      description: HTTP.sagaSubmitJob,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/sequencing/jobs', (req) => req.jsonBody({ sample_id: like(sample.id), platform: like(job.platform) }))
          .willRespondWith(201, (res) => res.jsonBody(jobBody('queued')))
          .executeTest(async (server) => {
            assert.equal((await new SequencingClient({ baseUrl: server.url }).submitJob({ sample_id: sample.id, platform: job.platform })).id, job.id);
          }),
    },
    {
      name: 'cancels the job it submitted when the saga is compensated',
      description: HTTP.sagaCompensateJob,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.queuedJobExists)
          .uponReceiving(description)
          .withRequest('DELETE', `/api/v1/sequencing/jobs/${job.id}`)
          .willRespondWith(200, (res) => res.jsonBody(jobBody('cancelled')))
          .executeTest(async (server) => {
            assert.deepEqual(await new SequencingClient({ baseUrl: server.url }).cancelJob(job.id), { id: job.id, sample_id: sample.id, status: 'cancelled' });
          }),
    },
  ],
};
