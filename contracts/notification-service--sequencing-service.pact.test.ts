import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { handleJobCompletedNotice, type NotificationSink } from '../stack/events/notification-handlers.ts';
import { contentOf } from './consumer/message-content.ts';
import { pactFor } from './consumer/pact-for.ts';
import { MESSAGES } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('notification-service', 'sequencing-service');
const { job, sample } = FIXTURES;

describe('notification-service -> sequencing-service (completed jobs are announced)', () => {
  it('posts a Teams message naming the job, sample and platform when sequencing.job_completed arrives', async () => {
    await pact
      .addAsynchronousInteraction()
      .expectsToReceive(MESSAGES.jobCompleted, (msg) =>
        msg.withJSONContent({ job_id: like(job.id), sample_id: like(sample.id), status: 'completed', platform: like(job.platform) }))
      .executeTest(async (message) => {
        const sent: Parameters<NotificationSink['add']>[0][] = [];
        expect(handleJobCompletedNotice({ add: (n) => sent.push(n) }, contentOf(message))).toEqual({ handled: true });
        expect(sent).toEqual([{ channel: 'teams', recipient: '#sequencing', subject: `Sequencing job ${job.id} completed`, body: `Sample ${sample.id} finished sequencing on ${job.platform}.` }]);
      });
  });
});
