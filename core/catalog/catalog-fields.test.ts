import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { loadCatalog } from './load.ts';
import { resolveCatalog } from './resolve.ts';
import { catalogSchemas } from './schemas.ts';

const root = mkdtempSync(join(tmpdir(), 'catalog-fields-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const HEAD = 'system: t\ncatalogVersion: 1\nenvironments:\n  local: { urlTemplate: "http://127.0.0.1:{port}" }\n  staging: { urlTemplate: "http://{id}.staging:{port}" }\n';

/** Writes a catalog (and files beside it) into a fresh folder and returns its path. */
function write(catalog: string, files: Record<string, unknown> = {}): string {
  const dir = join(root, `c${(n += 1)}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'catalog.yaml'), `${HEAD}${catalog}`);
  return join(dir, 'catalog.yaml');
}

function problems(catalog: string, files: Record<string, unknown> = {}): string[] {
  try {
    loadCatalog(write(catalog, files));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  throw new Error('expected the catalog to be rejected');
}

const sample = { type: 'object', properties: { id: { type: 'string' }, barcode: { type: 'string' } }, required: ['id', 'barcode'] };
const list = { type: 'object', properties: { data: { type: 'array', items: { $ref: 'sample.json' } } }, required: ['data'] };

describe('catalog defaults', () => {
  it('are merged under every http service, the service winning field by field, and not under infrastructure', () => {
    const catalog = loadCatalog(write(`defaults:
  health: { path: /healthz, body: text, match: "^ok" }
  metrics: { required: [up] }
  endpoint: { budgetMs: 250 }
services:
  - { id: a, port: 1, endpoints: [{ name: e, path: /x }] }
  - { id: b, port: 2, health: { path: /ready }, metrics: { required: [x] }, endpoints: [{ name: e, path: /y, budgetMs: 900 }] }
  - { id: c, kind: http-probe, port: 3, health: { path: /ping, body: none } }
`));
    const [a, b, c] = catalog.services;
    expect(a!.health).toMatchObject({ path: '/healthz', body: 'text', match: '^ok', status: 200 });
    expect(a!.metrics).toEqual({ path: '/metrics', required: ['up'] });
    expect(a!.endpoints[0]!.budgetMs).toBe(250);
    expect(b!.health).toMatchObject({ path: '/ready', body: 'text', match: '^ok' });
    expect(b!.metrics?.required).toEqual(['x']);
    expect(b!.endpoints[0]!.budgetMs).toBe(900);
    expect(c!.health).toMatchObject({ path: '/ping', body: 'none' });
  });

  it('leave the default body fields behind when a service picks another body kind', () => {
    const catalog = loadCatalog(write(`defaults:
  health: { path: /healthz, body: text, match: "^ok" }
services:
  - { id: a, port: 1 }
  - { id: b, port: 2, health: { body: json, field: state, healthy: [up] } }
  - { id: c, port: 3, health: { body: none } }
`));
    const [a, b, c] = catalog.services;
    expect(a!.health).toMatchObject({ path: '/healthz', body: 'text', match: '^ok' });
    expect(b!.health).toMatchObject({ path: '/healthz', body: 'json', field: 'state', healthy: ['up'] });
    expect(b!.health).not.toHaveProperty('match');
    expect(c!.health).toMatchObject({ path: '/healthz', body: 'none' });
    expect(c!.health).not.toHaveProperty('match');
  });

  it('an invalid defaults block is reported once, where it was written', () => {
    expect(problems('defaults:\n  health: { status: "200" }\nservices:\n  - { id: a, port: 1 }\n  - { id: b, port: 2 }\n')).toEqual([
      'defaults.health.status: Invalid input: expected number, received string',
    ]);
  });
});

describe('JSON Schema references', () => {
  it('resolve against the catalog file\'s folder, follow $ref between files, and compile once per catalog', () => {
    const file = write('services:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: list, path: /x, schema: schemas/list.json, example: { data: [{ id: s1, barcode: B1 }] } }] }\n', {
      'schemas/list.json': list,
      'schemas/sample.json': sample,
    });
    const catalog = loadCatalog(file);
    const ref = catalog.services[0]!.endpoints[0]!.schema as string;
    expect(isAbsolute(ref)).toBe(true);
    const compiled = catalogSchemas(catalog).get(ref);
    expect(catalogSchemas(catalog)).toBe(catalogSchemas(catalog));
    expect(compiled.name).toBe('schemas/list.json');
    expect(compiled.check({ data: [{ id: 's1' }] })).toEqual([{ pointer: '/data/0/barcode', message: "must have required property 'barcode'" }]);
  });

  it('lets an inline schema $ref a file beside the catalog, and names it by where it was written', () => {
    const catalog = loadCatalog(write('services:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: one, path: /x, schema: { type: object, properties: { s: { $ref: schemas/sample.json } } } }] }\n', { 'schemas/sample.json': sample }));
    const compiled = catalogSchemas(catalog).get(catalog.services[0]!.endpoints[0]!.schema!);
    expect(compiled.name).toBe('the inline schema at services[0].endpoints[0].schema');
    expect(compiled.check({ s: { id: 1, barcode: 'b' } })).toEqual([{ pointer: '/s/id', message: 'must be string, got 1' }]);
  });

  it('names the catalog field and the file for a missing file, bad JSON, an invalid schema and a broken $ref', () => {
    const found = problems(`services:
  - id: a
    port: 1
    health: {}
    endpoints:
      - { name: missing, path: /1, schema: schemas/nope.json }
      - { name: not-json, path: /2, schema: schemas/broken.json }
      - { name: typo, path: /3, schema: schemas/typo.json }
      - { name: bad-ref, path: /4, schema: schemas/list.json }
`, { 'schemas/broken.json': '{ "type": ', 'schemas/typo.json': { type: 'object', requird: ['id'] }, 'schemas/list.json': list });
    expect(found).toEqual([
      expect.stringMatching(/^services\[0\]\.endpoints\[0\]\.schema: no such file schemas\/nope\.json \(looked for \/.*\/schemas\/nope\.json\)$/),
      expect.stringMatching(/^services\[0\]\.endpoints\[1\]\.schema: schemas\/broken\.json is not valid JSON: /),
      'services[0].endpoints[2].schema: schemas/typo.json is not a valid JSON Schema: strict mode: unknown keyword: "requird" (not a JSON Schema keyword: misspelt?)',
      expect.stringMatching(/^services\[0\]\.endpoints\[3\]\.schema: schemas\/list\.json: \$ref "sample\.json": no such file schemas\/sample\.json /),
    ]);
  });

  it('refuses a schema given as a URL (never fetched) or as something that is not a schema', () => {
    expect(problems('services:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: u, path: /x, schema: "https://example.com/s.json" }, { name: n, path: /y, schema: 3 }] }\n')).toEqual([
      'services[0].endpoints[0].schema: "https://example.com/s.json" is a URL: give a file path relative to the catalog\'s folder (schemas are never fetched)',
      'services[0].endpoints[1].schema: expected a JSON Schema file path (relative to the catalog\'s folder) or an inline JSON Schema object, got 3',
    ]);
  });

  it('checks every example against its schema: endpoint answers, dependency responses, published events', () => {
    const found = problems(`services:
  - id: a
    port: 1
    health: {}
    endpoints: [{ name: one, path: /x, schema: schemas/sample.json, example: { id: s1 } }]
    dependencies:
      http:
        - { to: a, name: self, method: GET, path: /x, example: { response: { status: 200, schema: schemas/sample.json, body: { id: 7, barcode: b } } } }
      publishes:
        - sample.created
        - { event: sample.deleted, schema: { type: object, required: [sample_id] }, example: { id: s1 } }
`, { 'schemas/sample.json': sample });
    expect(found).toEqual([
      "services[0].endpoints[0].example: does not match schemas/sample.json: /barcode: must have required property 'barcode'",
      'services[0].dependencies.http[0].example.response.body: does not match schemas/sample.json: /id: must be string, got 7',
      "services[0].dependencies.publishes[1].example: does not match the inline schema at services[0].dependencies.publishes[1].schema: /sample_id: must have required property 'sample_id'",
    ]);
  });

  it('reads published events as plain names or objects, always objects once parsed', () => {
    const catalog = loadCatalog(write('services:\n  - { id: a, port: 1, health: {}, dependencies: { publishes: [x.created, { event: x.deleted, example: { id: 1 } }] } }\n'));
    expect(catalog.services[0]!.dependencies.publishes).toEqual([{ event: 'x.created' }, { event: 'x.deleted', example: { id: 1 } }]);
  });
});

describe('health expectations', () => {
  it('explain a bad regex, text without a regex, and fields that do not fit the body', () => {
    expect(problems('services:\n  - { id: a, port: 1, health: { body: text, match: "(" } }\n')).toEqual([
      'services[0].health.match: not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
    ]);
    expect(problems(`services:
  - { id: a, port: 1, health: { body: text } }
  - { id: b, port: 2, health: { match: "^ok" } }
  - { id: c, port: 3, health: { body: none, schema: { type: object } } }
`)).toEqual([
      'services[0].health.match: body: text needs a regular expression the healthy body matches (e.g. match: "^OK")',
      'services[1].health.match: only for body: text (this service\'s body is json)',
      'services[2].health.schema: only for body: json (this service\'s body is none)',
    ]);
  });

  it('need a health block on http services and http probes, and no health on postgres', () => {
    expect(problems('services:\n  - { id: a, port: 1 }\n  - { id: b, kind: http-probe, port: 2 }\n  - { id: c, kind: postgres, port: 3, health: {} }\n')).toEqual([
      'services[0].health: an http service needs health expectations (at least health: { path: /health }, or a catalog-level defaults.health)',
      'services[1].health: an http-probe needs health expectations (at least health: { path: /health }, or a catalog-level defaults.health)',
      'services[2].health: a postgres entry is probed by its own protocol; health applies to http and http-probe services',
    ]);
  });
});

describe('key endpoint responses', () => {
  it('are json unless told, text with an optional regex, or none; defaults.endpoint can set the kind for every service', () => {
    const catalog = loadCatalog(write(`defaults:
  endpoint: { response: text }
services:
  - id: a
    port: 1
    health: {}
    endpoints:
      - { name: page, path: /, match: "<title>" }
      - { name: api, path: /api, response: json, schema: { type: object } }
      - { name: ping, path: /ping, response: none }
  - { id: db, kind: postgres, port: 2 }
`));
    expect(catalog.services[0]!.endpoints.map((e) => [e.name, e.response, e.match])).toEqual([['page', 'text', '<title>'], ['api', 'json', undefined], ['ping', 'none', undefined]]);
    expect(loadCatalog(write('services:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: e, path: /x }] }\n')).services[0]!.endpoints[0]!.response).toBe('json');
  });

  it('name a regex on a body that is not text, a schema or example on a body that is not JSON, and a kind that does not exist', () => {
    const endpoints = (last: string) => `services:\n  - id: a\n    port: 1\n    health: {}\n    endpoints:
      - { name: j, path: /j, match: "^ok" }
      - { name: t, path: /t, response: text, schema: { type: object }, example: { ok: true } }
${last}`;
    expect(problems(endpoints('      - { name: n, path: /n, response: none, match: "(" }\n      - { name: x, path: /x, response: xml }\n'))).toEqual([
      'services[0].endpoints[2].match: not a valid regular expression: Invalid regular expression: /(/: Unterminated group',
      'services[0].endpoints[3].response: Invalid option: expected one of "json"|"text"|"none"',
    ]);
    expect(problems(endpoints('      - { name: n, path: /n, response: none, match: "ok" }\n'))).toEqual([
      "services[0].endpoints[0].match: only for response: text (this endpoint's response is json)",
      "services[0].endpoints[1].schema: only for response: json (this endpoint's response is text)",
      "services[0].endpoints[1].example: only for response: json (this endpoint's response is text)",
      "services[0].endpoints[2].match: only for response: text (this endpoint's response is none)",
    ]);
  });
});

describe('infrastructure kinds and dependencies', () => {
  it('say what kinds there are, and what became of chroma', () => {
    expect(problems('services:\n  - { id: a, kind: chroma, port: 1 }\n  - { id: b, kind: mysql, port: 2 }\n')).toEqual([
      'services[0].kind: kind chroma is gone: write kind: http-probe with health: { path: /api/v1/heartbeat, field: null }',
      'services[1].kind: unknown kind "mysql": expected one of http, postgres, redis, tcp, http-probe',
    ]);
  });

  it('name an unknown infrastructure id, an http service listed as infrastructure, and a database the entry does not hold', () => {
    expect(problems(`services:
  - id: a
    port: 1
    health: {}
    dependencies: { infrastructure: [{ id: mongo }, { id: b }, { id: db, database: other_db }, { id: cache, database: x }] }
  - { id: b, port: 2, health: {} }
  - { id: db, kind: postgres, port: 3, databases: [samples_db] }
  - { id: cache, kind: redis, port: 4, databases: [x], endpoints: [{ name: e, path: /x }] }
`)).toEqual([
      'services[3].endpoints: only http services have key endpoints (this is a redis entry)',
      'services[3].databases: only postgres entries hold databases (this is a redis entry)',
      'services[0].dependencies.infrastructure[0].id: unknown infrastructure "mongo" (the catalog\'s infrastructure: db, cache)',
      'services[0].dependencies.infrastructure[1].id: "b" is an http service; list calls to it under dependencies.http',
      'services[0].dependencies.infrastructure[2].database: "other_db" is not among db\'s databases (services[2].databases: samples_db)',
      'services[0].dependencies.infrastructure[3].database: "cache" is redis; only postgres entries hold databases',
    ]);
  });
});

describe('auth', () => {
  it('names a login that does not exist, and an auth: true endpoint with no way to log in', () => {
    expect(problems('services:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: me, path: /me, auth: true }] }\n')).toEqual([
      'services[0].endpoints[0].auth: needs the catalog\'s auth block (auth: { login: { service, endpoint } }) to say how to log in',
    ]);
    expect(problems('auth: { login: { service: a, endpoint: signin } }\nservices:\n  - { id: a, port: 1, health: {}, endpoints: [{ name: login, path: /l, method: POST }] }\n')).toEqual([
      'auth.login.endpoint: a has no key endpoint "signin" (it has: login)',
    ]);
    expect(problems('auth: { login: { service: nobody, endpoint: login }, header: "x api key" }\nservices:\n  - { id: a, port: 1, health: {} }\n')).toEqual([
      'auth.header: must be an HTTP header name',
    ]);
  });
});

describe('replicas', () => {
  it('explain a replica URL with a wrong scheme or an unknown environment', () => {
    expect(problems('services:\n  - { id: a, port: 1, health: {}, replicas: { count: 3, urls: { local: ["http://127.0.0.1:1", "tcp://127.0.0.1:2"], qa: ["http://x:1"] } } }\n  - { id: b, kind: redis, port: 2, replicas: { count: 2 } }\n')).toEqual([
      'services[1].replicas: only http services have replicas checked one by one (this is a redis entry)',
      'services[0].replicas.urls.local[1]: "tcp://127.0.0.1:2" must use http: or https: (a replica is called over HTTP)',
      'services[0].replicas.urls.qa: unknown environment "qa" (known: local, staging)',
    ]);
  });

  it('resolve from <ID>_REPLICA_URLS first, then the environment\'s list, then DNS discovery', () => {
    const catalog = loadCatalog(write('services:\n  - { id: a-svc, port: 1, health: {}, replicas: { count: 2, urls: { local: ["http://127.0.0.1:1/", "http://127.0.0.1:2"] }, discover: dns } }\n'));
    expect(resolveCatalog(catalog, 'local', {}).services[0]!.replicas).toEqual({ kind: 'urls', urls: ['http://127.0.0.1:1', 'http://127.0.0.1:2'], source: 'catalog replicas.urls.local' });
    expect(resolveCatalog(catalog, 'local', { A_SVC_REPLICA_URLS: 'http://10.0.0.1:1, http://10.0.0.2:1' }).services[0]!.replicas).toEqual({ kind: 'urls', urls: ['http://10.0.0.1:1', 'http://10.0.0.2:1'], source: 'A_SVC_REPLICA_URLS' });
    expect(resolveCatalog(catalog, 'staging', {}).services[0]!.replicas).toEqual({ kind: 'dns' });
  });
});
