import { describe, expect, it } from 'vitest';
import { prefixOf } from './gateway-service.ts';
import { TokenCache } from './token-cache.ts';

describe('TokenCache', () => {
  it('trusts a token for its TTL, never past the token expiry', () => {
    let now = 0;
    const cache = new TokenCache<string>(30_000, () => now);
    cache.set('t1', 'alice');
    cache.set('t2', 'bob', 10_000);
    now = 9_999;
    expect([cache.get('t1'), cache.get('t2')]).toEqual(['alice', 'bob']);
    now = 10_000;
    expect(cache.get('t2')).toBeUndefined();
    now = 30_000;
    expect(cache.get('t1')).toBeUndefined();
  });

  it('caches nothing when the TTL is zero', () => {
    const cache = new TokenCache<string>(0, () => 0);
    cache.set('t', 'x');
    expect(cache.get('t')).toBeUndefined();
  });
});

describe('prefixOf', () => {
  it.each([
    ['/api/v1/samples', '/api/v1/samples'],
    ['/api/v1/samples/abc/sequence', '/api/v1/samples'],
    ['/api/v1/auth/login', '/api/v1/auth'],
  ])('routes %s by %s', (path, prefix) => {
    expect(prefixOf(path)).toBe(prefix);
  });
});
