import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { SequencingClient } from '../stack/clients/sequencing-client.ts';
import { handleJobCompleted } from '../stack/events/sample-handlers.ts';
import { SampleStore } from '../stack/services/sample/sample-store.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP, MESSAGES } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('sample-service', 'sequencing-service');
const { job, sample } = FIXTURES;

describe('sample-service -> sequencing-service (stored samples go to sequencing)', () => {
  it('submits a job for a stored sample and reads the job id', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.submitJob)
      .withRequest('POST', '/api/v1/sequencing/jobs', (req) => req.jsonBody({ sample_id: like(sample.id), platform: like(job.platform) }))
      .willRespondWith(201, (res) => res.jsonBody({ id: like(job.id), sample_id: like(sample.id), status: like(job.status) }))
      .executeTest(async (server) => {
        const submitted = await new SequencingClient({ baseUrl: server.url }).submitJob({ sample_id: sample.id, platform: job.platform });
        expect(submitted).toEqual({ id: job.id, sample_id: sample.id, status: job.status });
      });
  });

  it('marks the sample sequenced when sequencing.job_completed arrives', async () => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(MESSAGES.jobCompleted, (msg) => msg.withJSONContent({ job_id: like(job.id), sample_id: like(sample.id), status: 'completed' }))
      .executeTest(async (message) => {
        const store = new SampleStore();
        store.insert({ id: sample.id, barcode: sample.barcode, sample_type: sample.sample_type, status: 'sequencing' }, new Date());
        expect(handleJobCompleted(store, contentOf(message))).toEqual({ handled: true });
        expect(store.get(sample.id)?.status).toBe('sequenced');
      });
  });
});
