import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { NotificationClient } from '../stack/clients/notification-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const { notification } = FIXTURES;

export const contract: ConsumerContract = {
  consumer: 'sequencing-service',
  provider: 'notification-service',
  title: 'job completion is e-mailed to the lab',
  cases: () => [
    {
      name: 'sends the completion e-mail and reads the notification id and status',
      description: HTTP.sendNotification,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/notifications', (req) =>
            req.jsonBody({ channel: 'email', recipient: like(notification.recipient), subject: like(notification.subject), body: like(notification.body) }))
          .willRespondWith(201, (res) => res.jsonBody({ id: like('notification-0001'), status: like('sent') }))
          .executeTest(async (server) => {
            const sent = await new NotificationClient({ baseUrl: server.url }).send({ ...notification });
            assert.deepEqual(sent, { id: 'notification-0001', status: 'sent' });
          }),
    },
  ],
};
