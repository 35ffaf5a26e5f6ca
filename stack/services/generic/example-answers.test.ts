import { describe, expect, it } from 'vitest';
import { inlineCatalog } from '../../../test/helpers/inline-catalog.ts';
import type { Req } from '../../runtime/types.ts';
import { answerReply, drifted, exampleAnswers, pickAnswer } from './example-answers.ts';

const catalog = inlineCatalog(`services:
  - id: a
    port: 1
    health: {}
    dependencies:
      http:
        - { to: b, name: one, method: GET, path: "/items/{sku}", example: { request: { params: { sku: S-1 } }, response: { status: 200, body: { sku: S-1, n: 1 } } } }
        - { to: b, name: gone, method: DELETE, path: "/items/{sku}", example: { request: { params: { sku: S-1 } }, response: { status: 204 } } }
        - { to: c, name: elsewhere, method: GET, path: /c, example: { response: { status: 200, body: {} } } }
  - id: d
    port: 4
    health: {}
    dependencies:
      http:
        - { to: b, name: two, method: GET, path: "/items/{sku}", example: { request: { params: { sku: S-2 }, query: { full: "1" } }, response: { status: 200, body: { sku: S-2, n: 2 } } } }
  - { id: b, port: 2, health: {} }
  - { id: c, port: 3, health: {} }
`);

const req = (params: Record<string, string>, search = ''): Req => ({ method: 'GET', path: '/', search, params, headers: {}, body: undefined, remoteAddress: '127.0.0.1' });

describe('the generic service answering other services\' example calls', () => {
  const answers = exampleAnswers(catalog, 'b');

  it('takes every example call made to it, as route templates, in catalog order', () => {
    expect(answers.map((a) => `${a.method} ${a.route} ${a.status}`)).toEqual(['GET /items/:sku 200', 'DELETE /items/:sku 204', 'GET /items/:sku 200']);
  });

  it('answers with the example whose params and query the request carries, else the first', () => {
    const gets = answers.filter((a) => a.method === 'GET');
    expect(pickAnswer(gets, req({ sku: 'S-2' }, 'full=1')).body).toEqual({ sku: 'S-2', n: 2 });
    expect(pickAnswer(gets, req({ sku: 'S-2' })).body).toEqual({ sku: 'S-1', n: 1 });
    expect(pickAnswer(gets, req({ sku: 'S-9' })).body).toEqual({ sku: 'S-1', n: 1 });
    expect(answerReply(answers[1]!, false)).toEqual({ status: 204 });
  });

  it('renames the first field of an answer (of each item of a list) under the drift fault', () => {
    expect(answerReply(answers[0]!, true)).toEqual({ status: 200, body: { sku_drifted: 'S-1', n: 1 } });
    expect(drifted([{ a: 1, b: 2 }, { a: 3 }])).toEqual([{ a_drifted: 1, b: 2 }, { a_drifted: 3 }]);
    expect(drifted({})).toEqual({});
    expect(drifted('text')).toBe('text');
  });
});
