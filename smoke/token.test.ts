import { describe, expect, it } from 'vitest';
import { fakeHttp } from './fake-http.ts';
import type { EndpointPlan } from './plan.ts';
import { credential, tokenSource } from './token.ts';

const endpoint: EndpointPlan = { name: 'login', method: 'POST', url: 'http://127.0.0.1:8080/api/v1/auth/login', status: 200, response: 'json', auth: false, budgetMs: 1000 };
const settings = { timeoutMs: 1000 };

describe('the credential for auth: true endpoints', () => {
  it('takes the token from the catalog\'s dotted path and sends it with the catalog\'s header and scheme', async () => {
    const http = fakeHttp(() => ({ status: 200, body: { session: { jwt: 'abc.def.ghi' } } }));
    const use = { token: 'session.jwt', header: 'X-Session', scheme: '' };
    const got = await tokenSource(http, { endpoint, serviceId: 'auth', use }, { user: 'u' }, settings, true)();
    expect(got).toEqual({ ok: true, token: 'abc.def.ghi', header: 'x-session', value: 'abc.def.ghi' });
    expect(credential({ token: 't', header: 'authorization', scheme: 'Bearer' }, 'tok')).toEqual({ header: 'authorization', value: 'Bearer tok' });
  });

  it('fails naming where it looked when the login answer has no token, and logs in once per run', async () => {
    const http = fakeHttp(() => ({ status: 200, body: { token: 'elsewhere' } }));
    const source = tokenSource(http, { endpoint, serviceId: 'auth', use: { token: 'access_token', header: 'authorization', scheme: 'Bearer' } }, {}, settings, false);
    const got = await source();
    expect(got).toMatchObject({ ok: false, reportedElsewhere: false, failure: { kind: 'schema', field: '/access_token', message: 'the login answer has no token at "access_token" (the catalog\'s auth.token)' } });
    await source();
    expect(http.requests).toHaveLength(1);
  });

  it('without an auth.login in the catalog says so', async () => {
    expect(await tokenSource(fakeHttp(() => ({ status: 200 })), undefined, {}, settings, false)()).toMatchObject({ ok: false, failure: { kind: 'config', message: 'the catalog has no auth.login (which key endpoint logs in)' } });
  });
});
