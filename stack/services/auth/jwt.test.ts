import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from './jwt.ts';

const claims = { sub: 'u-admin', email: 'admin@lab.local', role: 'admin', iat: 1_000, exp: 2_000 };

describe('HS256 JWT', () => {
  it('verifies a token it signed and returns its claims', () => {
    expect(verifyJwt(signJwt(claims, 'secret'), 'secret', 1_500)).toEqual({ ok: true, claims });
  });

  it.each([
    ['another key', (t: string) => t, 'other', 1_500, 'bad signature'],
    ['an expired token', (t: string) => t, 'secret', 2_000, 'token expired'],
    ['a tampered payload', (t: string) => { const [h, , s] = t.split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'root' })).toString('base64url')}.${s}`; }, 'secret', 1_500, 'bad signature'],
    ['a token that is not three parts', () => 'abc.def', 'secret', 1_500, 'malformed token'],
    ['a token with another algorithm header', (t: string) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${t.split('.').slice(1).join('.')}`, 'secret', 1_500, 'unsupported token header (HS256 JWT expected)'],
  ])('rejects %s', (_name, mutate, key, now, reason) => {
    expect(verifyJwt(mutate(signJwt(claims, 'secret')), key, now)).toEqual({ ok: false, reason });
  });
});
