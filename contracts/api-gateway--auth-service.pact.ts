import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { AuthClient } from '../stack/clients/auth-client.ts';
import type { ConsumerContract } from './consumer/consumer-contract.ts';
import { HTTP } from './interactions.ts';
import { EXAMPLE_TOKEN, FIXTURES, STATES } from './provider-states.ts';

const { like, fromProviderState } = MatchersV3;

export const contract: ConsumerContract = {
  consumer: 'api-gateway',
  provider: 'auth-service',
  title: 'the gateway validates every bearer token',
  cases: () => [
    {
      name: 'accepts a valid token and reads the user id, email and role',
      description: HTTP.validateToken,
      run: (pact, description) =>
        pact
          .addInteraction()
          .given(STATES.validToken)
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/auth/validate', (req) => req.jsonBody({ token: fromProviderState('${token}', EXAMPLE_TOKEN) }))
          .willRespondWith(200, (res) => res.jsonBody({ valid: true, user: { id: like('u-admin'), email: like(FIXTURES.user.email), role: like('admin') } }))
          .executeTest(async (server) => {
            const user = await new AuthClient({ baseUrl: server.url }).validateToken(EXAMPLE_TOKEN);
            assert.deepEqual(user, { id: 'u-admin', email: FIXTURES.user.email, role: 'admin' });
          }),
    },
    {
      name: 'treats a 401 as an invalid token',
      description: HTTP.rejectToken,
      run: (pact, description) =>
        pact
          .addInteraction()
          .uponReceiving(description)
          .withRequest('POST', '/api/v1/auth/validate', (req) => req.jsonBody({ token: 'not-a-token' }))
          .willRespondWith(401)
          .executeTest(async (server) => {
            assert.equal(await new AuthClient({ baseUrl: server.url }).validateToken('not-a-token'), undefined);
          }),
    },
  ],
};
