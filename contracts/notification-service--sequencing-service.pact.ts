import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { handleJobCompletedNotice, type NotificationSink } from '../stack/events/notification-handlers.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { contentOf } from './consumer/message-content.ts';
import { MESSAGES } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const { job, sample } = FIXTURES;

export const contract: ConsumerContract = {
  consumer: 'notification-service',
  provider: 'sequencing-service',
  title: 'completed jobs are announced',
  cases: () => [
    {
      name: 'posts a Teams message naming the job, sample and platform when sequencing.job_completed arrives',
      description: MESSAGES.jobCompleted,
      run: (pact, description) =>
        pact
          .addAsynchronousInteraction()
          .expectsToReceive(description, (msg) =>
            msg.withJSONContent({ job_id: like(job.id), sample_id: like(sample.id), status: 'completed', platform: like(job.platform) }))
          .executeTest(async (message) => {
            const sent: Parameters<NotificationSink['add']>[0][] = [];
            assert.deepEqual(handleJobCompletedNotice({ add: (n) => sent.push(n) }, contentOf(message)), { handled: true });
            assert.deepEqual(sent, [{ channel: 'teams', recipient: '#sequencing', subject: `Sequencing job ${job.id} completed`, body: `Sample ${sample.id} finished sequencing on ${job.platform}.` }]);
          }),
    },
  ],
};
