import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { NotificationClient } from '../stack/clients/notification-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { FIXTURES } from './provider-states.ts';

const { like } = MatchersV3;
const pact = pactFor('sequencing-service', 'notification-service');
const { notification } = FIXTURES;

describe('sequencing-service -> notification-service (job completion is e-mailed to the lab)', () => {
  it('sends the completion e-mail and reads the notification id and status', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.sendNotification)
      .withRequest('POST', '/api/v1/notifications', (req) =>
        req.jsonBody({ channel: 'email', recipient: like(notification.recipient), subject: like(notification.subject), body: like(notification.body) }))
      .willRespondWith(201, (res) => res.jsonBody({ id: like('notification-0001'), status: like('sent') }))
      .executeTest(async (server) => {
        const sent = await new NotificationClient({ baseUrl: server.url }).send({ ...notification });
        expect(sent).toEqual({ id: 'notification-0001', status: 'sent' });
      });
  });
});
