import { describe, expect, it } from 'vitest';
import { inlineCatalog } from '../../test/helpers/inline-catalog.ts';
import { ConfigError } from '../errors.ts';
import { plannedInteractions } from './example-pins.ts';
import { catalogSchemas } from './schemas.ts';

function problems(services: string): string[] {
  try {
    inlineCatalog(services);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  throw new Error('expected the catalog to be rejected');
}

const TWO = (deps: string, extra = '') => `services:
  - id: a
    port: 1
    health: {}
    dependencies:
${deps}
  - id: b
    port: 2
    health: {}
${extra}`;

describe('the example fields of generated pacts', () => {
  it('need a value for every path placeholder and no other, each one path segment', () => {
    expect(problems(TWO(`      http:
        - { to: b, name: get, method: GET, path: "/x/{id}/{part}", example: { request: { params: { id: "a/b", other: z } }, response: { status: 200 } } }`))).toEqual([
      'services[0].dependencies.http[0].example.request.params.part: missing: the example needs a value for {part} of /x/{id}/{part}',
      'services[0].dependencies.http[0].example.request.params.other: /x/{id}/{part} has no placeholder {other} (it has: id, part)',
      'services[0].dependencies.http[0].example.request.params.id: "a/b" must be one path segment (no "/")',
    ]);
  });

  it('name the state a seed sets up, and the example body a schema pins', () => {
    expect(problems(TWO(`      http:
        - { to: b, name: list, method: GET, path: /x, example: { seed: { rows: [1] }, response: { status: 200, schema: { type: object } } } }
      publishes:
        - { event: x.done, schema: { type: object } }`))).toEqual([
      'services[0].dependencies.http[0].example.seed: needs example.state, the provider state it sets up',
      'services[0].dependencies.http[0].example.response.schema: given without response.body (the generated pact pins the example body as the schema says)',
      'services[0].dependencies.publishes[0].schema: given without example (the generated pact pins the example as the schema says)',
    ]);
  });

  it('need every field a consumer reads in the producer\'s example', () => {
    expect(problems(TWO(`      publishes:
        - { event: x.done, example: { id: 1 } }
        - { event: x.list, example: [1] }`, `    dependencies:
      consumes:
        - { event: x.done, from: a, fields: [id, size] }
        - { event: x.list, from: a, fields: [id] }`))).toEqual([
      'services[1].dependencies.consumes[0].fields[1]: "size" is not in a\'s example of x.done (it has: id)',
      "services[1].dependencies.consumes[1].fields: a's example of x.list is not an object with fields",
    ]);
  });

  it('name a value its pact could not pin, as a dotted path under the example', () => {
    expect(problems(TWO(`      publishes:
        - event: x.done
          schema: { type: object, properties: { rows: { type: array, items: { type: object, properties: { code: { type: string, pattern: "(a)\\\\1" } }, required: [code] } } }, required: [rows] }
          example: { rows: [{ code: aa }] }`, `    dependencies:
      consumes:
        - { event: x.done, from: a }`))).toEqual([
      'services[0].dependencies.publishes[0].example.rows[0].code: pattern "(a)\\1" uses a backreference, which Pact\'s regex engine (Rust) does not support',
    ]);
  });
});

describe('the interactions the examples generate', () => {
  const catalog = inlineCatalog(`events: { bus: bus }
services:
  - id: a
    port: 1
    health: {}
    dependencies:
      http:
        - { to: b, name: get, method: GET, path: "/x/{id}", example: { state: x exists, seed: { x: [1] }, request: { params: { id: "x 1" } }, response: { status: 200, schema: { type: object, properties: { id: { type: string } }, required: [id] }, body: { id: "x 1", more: 2 } } } }
        - { to: b, name: plain, method: DELETE, path: /x }
      publishes:
        - { event: x.done, schema: { type: object, properties: { id: { type: string }, at: { type: string, format: date } }, required: [id] }, example: { id: x, at: "2025-07-01", n: 1 } }
        - x.plain
  - id: b
    port: 2
    health: {}
    dependencies:
      consumes:
        - { event: x.done, from: a, fields: [at, n] }
  - id: c
    port: 3
    health: {}
    dependencies:
      consumes:
        - { event: x.done, from: a }
  - id: bus
    port: 4
    health: {}
`);
  const { plans, problems: found } = plannedInteractions(catalog, catalogSchemas(catalog));

  it('are one per HTTP example, and per event example one per consumer plus the bus', () => {
    expect(found).toEqual([]);
    expect(plans.map((p) => `${p.kind} ${p.consumer} -> ${p.provider} ${p.edge}${p.kind === 'message' ? ` [${p.fields.join(', ')}]${p.bus ? ' bus' : ''}` : ''}`)).toEqual([
      'http a -> b get',
      'message b -> a x.done [at, n]',
      'message c -> a x.done []',
      'message bus -> a x.done [at, n] bus',
    ]);
  });

  it('put the params in the path, and pin what the schema requires or a consumer reads', () => {
    const [http, b, c, bus] = plans;
    expect(http).toMatchObject({ path: '/x/x%201', where: 'services[0].dependencies.http[0].example', body: { by: 'object', fields: { id: { by: 'type', value: 'x 1' } } } });
    expect(b).toMatchObject({ where: 'services[0].dependencies.publishes[0].example', content: { by: 'object', fields: { at: { by: 'regex', value: '2025-07-01' }, n: { by: 'type', value: 1 } } } });
    expect(c).toMatchObject({ content: { by: 'object', fields: { id: { by: 'type', value: 'x' } } } });
    expect(bus).toMatchObject({ content: b?.kind === 'message' ? b.content : undefined });
  });
});
