import { describe, expect, it } from 'vitest';
import { isLoopback } from './admin.ts';
import { Router } from './router.ts';
import type { Route } from './types.ts';

const route = (method: string, path: string): Route => ({ method, path, handler: () => ({ status: 200 }) });
const router = new Router([route('GET', '/api/v1/samples'), route('GET', '/api/v1/samples/:id'), route('POST', '/api/v1/samples/:id/sequence'), route('GET', '/api/v1/auth/*')]);

describe('Router', () => {
  it.each([
    ['GET', '/api/v1/samples', '/api/v1/samples', {}],
    ['GET', '/api/v1/samples/abc', '/api/v1/samples/:id', { id: 'abc' }],
    ['GET', '/api/v1/samples/a%20b', '/api/v1/samples/:id', { id: 'a b' }],
    ['POST', '/api/v1/samples/abc/sequence', '/api/v1/samples/:id/sequence', { id: 'abc' }],
    ['GET', '/api/v1/auth/x/y', '/api/v1/auth/*', { '*': 'x/y' }],
  ])('matches %s %s to %s', (method, path, template, params) => {
    const match = router.match(method, path);
    expect(match?.route.path).toBe(template);
    expect(match?.params).toEqual(params);
  });

  it.each([['GET', '/api/v1/samples/'], ['GET', '/api/v1/other'], ['DELETE', '/api/v1/samples/abc'], ['GET', '/api/v1/auth']])('does not match %s %s', (method, path) => {
    expect(router.match(method, path)).toBeUndefined();
  });

  it('names the template a path belongs to, for 405 answers and metric labels', () => {
    expect(router.templateFor('/api/v1/samples/xyz')).toBe('/api/v1/samples/:id');
    expect(router.templateFor('/nowhere')).toBeUndefined();
  });
});

describe('isLoopback', () => {
  it.each([['127.0.0.1', true], ['::1', true], ['::ffff:127.0.0.1', true], ['10.0.0.5', false], [undefined, false]])('%s -> %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
