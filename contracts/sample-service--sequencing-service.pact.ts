import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { SequencingClient } from '../stack/clients/sequencing-client.ts';
import { handleJobCompleted } from '../stack/events/sample-handlers.ts';
import { SampleStore } from '../stack/services/sample/sample-store.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { contentOf } from './consumer/message-content.ts';
import { HTTP, MESSAGES } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const { job, sample } = FIXTURES;

export const contract: ConsumerContract = {
  consumer: 'sample-service',
  provider: 'sequencing-service',
  title: 'stored samples go to sequencing',
  cases: () => [
    {
      name: 'submits a job for a stored sample and reads the job id',
      description: HTTP.submitJob,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/sequencing/jobs', (req) => req.jsonBody({ sample_id: like(sample.id), platform: like(job.platform) }))
          .willRespondWith(201, (res) => res.jsonBody({ id: like(job.id), sample_id: like(sample.id), status: like(job.status) }))
          .executeTest(async (server) => {
            const submitted = await new SequencingClient({ baseUrl: server.url }).submitJob({ sample_id: sample.id, platform: job.platform });
            assert.deepEqual(submitted, { id: job.id, sample_id: sample.id, status: job.status });
          }),
    },
    {
      name: 'marks the sample sequenced when sequencing.job_completed arrives',
      description: MESSAGES.jobCompleted,
      run: (pact, description) =>
        pact
          .addAsynchronousInteraction()
          .expectsToReceive(description, (msg) => msg.withJSONContent({ job_id: like(job.id), sample_id: like(sample.id), status: 'completed' }))
          .executeTest(async (message) => {
            const store = new SampleStore();
            store.insert({ id: sample.id, barcode: sample.barcode, sample_type: sample.sample_type, status: 'sequencing' }, new Date());
            assert.deepEqual(handleJobCompleted(store, contentOf(message)), { handled: true });
            assert.equal(store.get(sample.id)?.status, 'sequenced');
          }),
    },
  ],
};
