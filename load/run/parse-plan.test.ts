import { describe, expect, it } from 'vitest';
import { parsePlan } from '../lib/parse-plan.ts';
import type { Plan } from '../lib/plan.ts';

const endpoint = { service: 'qaqc-service', endpoint: 'list', method: 'GET', path: '/r/{id}', url: 'http://127.0.0.1:1/r/1', status: 200, body: null, auth: false, login: false, weight: 1 };
const valid = { version: 1, system: 's', env: 'local', auth: null, endpoints: [endpoint], leftOut: [] };
const bad = (edit: Record<string, unknown>) => ({ ...valid, ...edit });

describe('parsing a plan (k6 and Node side alike)', () => {
  it('accepts a valid plan as it is', () => {
    expect(parsePlan(valid, 'PLAN')).toEqual(valid as Plan);
  });

  it.each([
    ['a plan of another version', bad({ version: 2 }), 'PLAN: version: must be 1'],
    ['no endpoint', bad({ endpoints: [] }), 'PLAN: endpoints: must list at least one endpoint'],
    ['a weight of 0', bad({ endpoints: [{ ...endpoint, weight: 0 }] }), 'PLAN: endpoints[0].weight: must be a number > 0'],
    ['a URL that is not http', bad({ endpoints: [{ ...endpoint, url: 'ftp://x' }] }), 'PLAN: endpoints[0].url: "ftp://x" is not an http(s) URL'],
    ['an unknown method', bad({ endpoints: [{ ...endpoint, method: 'FETCH' }] }), 'PLAN: endpoints[0].method: "FETCH" is not GET, POST, PUT, PATCH or DELETE'],
    ['a token without a login', bad({ endpoints: [{ ...endpoint, auth: true }] }), 'PLAN: auth: endpoint qaqc-service list needs the login, but the plan has none'],
    ['a secret field without its env var', bad({ endpoints: [{ ...endpoint, auth: true }], auth: { service: 'a', endpoint: 'l', method: 'POST', path: '/l', url: 'http://h/l', status: 200, body: {}, secrets: { password: '' }, token: 't', header: 'h', scheme: '' } }), 'PLAN: auth.secrets.password: must name an env var'],
  ])('names the field of %s', (_name, raw, message) => {
    expect(() => parsePlan(raw, 'PLAN')).toThrow(message);
  });
});
