import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { AuthClient } from '../stack/clients/auth-client.ts';
import { pactFor } from './consumer/pact-for.ts';
import { HTTP } from './interactions.ts';
import { EXAMPLE_TOKEN, FIXTURES, STATES } from './provider-states.ts';

const { like, fromProviderState } = MatchersV3;
const pact = pactFor('api-gateway', 'auth-service');

describe('api-gateway -> auth-service (the gateway validates every bearer token)', () => {
  it('accepts a valid token and reads the user id, email and role', async () => {
    await pact
      .addInteraction()
      .given(STATES.validToken)
      .uponReceiving(HTTP.validateToken)
      .withRequest('POST', '/api/v1/auth/validate', (req) => req.jsonBody({ token: fromProviderState('${token}', EXAMPLE_TOKEN) }))
      .willRespondWith(200, (res) => res.jsonBody({ valid: true, user: { id: like('u-admin'), email: like(FIXTURES.user.email), role: like('admin') } }))
      .executeTest(async (server) => {
        const user = await new AuthClient({ baseUrl: server.url }).validateToken(EXAMPLE_TOKEN);
        expect(user).toEqual({ id: 'u-admin', email: FIXTURES.user.email, role: 'admin' });
      });
  });

  it('treats a 401 as an invalid token', async () => {
    await pact
      .addInteraction()
      .uponReceiving(HTTP.rejectToken)
      .withRequest('POST', '/api/v1/auth/validate', (req) => req.jsonBody({ token: 'not-a-token' }))
      .willRespondWith(401)
      .executeTest(async (server) => {
        expect(await new AuthClient({ baseUrl: server.url }).validateToken('not-a-token')).toBeUndefined();
      });
  });
});
