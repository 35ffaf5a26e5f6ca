import { describe, expect, it } from 'vitest';
import { PinProblem, pinExample, type Pin } from './pins.ts';
import { FORMAT_REGEXES } from './pin-regexes.ts';
import { createAjv } from './ajv.ts';

const BASE = 'file:///schemas/';
const FILES: Record<string, unknown> = {
  [`${BASE}common.json`]: { $defs: { sku: { type: 'string', pattern: '^SKU-[0-9]+$' }, when: { type: 'string', format: 'date-time' } } },
};
const lookup = (url: string) => FILES[url];

function pin(schema: unknown, value: unknown, fields?: readonly string[]): Pin | undefined {
  return pinExample({ node: schema, doc: { url: `${BASE}item.json`, root: schema } }, value, lookup, fields ? { fields } : {});
}

const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });

describe('pinning an example as its JSON Schema says', () => {
  it.each<[string, unknown, unknown, Pin | undefined]>([
    ['a string by type', { type: 'string' }, 'x', { by: 'type', value: 'x' }],
    ['an integer as an integer', { type: 'integer' }, 3, { by: 'integer', value: 3 }],
    ['an integer example of a number schema as a number', { type: 'number' }, 3, { by: 'number', value: 3 }],
    ['a boolean', { type: 'boolean' }, false, { by: 'boolean', value: false }],
    ['null', { type: 'null' }, null, { by: 'null' }],
    ['a date-time by its regex', { type: 'string', format: 'date-time' }, '2025-07-01T09:00:00Z', { by: 'regex', regex: FORMAT_REGEXES['date-time']!, value: '2025-07-01T09:00:00Z' }],
    ['a uuid by its regex', { type: 'string', format: 'uuid' }, '6f1c2a9e-1b3d-4c5e-8f70-1a2b3c4d5e6f', { by: 'regex', regex: FORMAT_REGEXES['uuid']!, value: '6f1c2a9e-1b3d-4c5e-8f70-1a2b3c4d5e6f' }],
    ['a string of an unknown format by type', { type: 'string', format: 'color' }, 'red', { by: 'type', value: 'red' }],
    ['a pattern as it is (unanchored, as JSON Schema reads it)', { type: 'string', pattern: 'B-[0-9]+' }, 'B-1', { by: 'regex', regex: 'B-[0-9]+', value: 'B-1' }],
    ['an enum of strings as a regex of its values, escaped', { enum: ['a.b', 'c'] }, 'c', { by: 'regex', regex: '^(?:a\\.b|c)$', value: 'c' }],
    ['an enum of one value exactly', { enum: ['only'] }, 'only', { by: 'equal', value: 'only' }],
    ['an enum of integers by type', { enum: [1, 2, 3] }, 2, { by: 'integer', value: 2 }],
    ['a const exactly', { const: 'v1' }, 'v1', { by: 'equal', value: 'v1' }],
    ['a nullable field not at all (Pact has no "type or null")', { type: ['string', 'null'] }, 's', undefined],
    ['alternatives not at all', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 's', undefined],
    ['a node that says nothing not at all', {}, 's', undefined],
  ])('pins %s', (_label, schema, value, expected) => {
    expect(pin(schema, value)).toEqual(expected);
  });

  it('pins the required properties of an object, not the optional ones nor the ones the schema does not list', () => {
    const schema = { type: 'object', properties: { id: { type: 'string' }, note: { type: 'string' } }, required: ['id', 'unlisted'] };
    expect(pin(schema, { id: 'a', note: 'n', unlisted: 1, extra: true })).toEqual({ by: 'object', fields: { id: { by: 'type', value: 'a' } } });
  });

  it('pins each item of an array like the first, with minItems as the minimum (0 when not given)', () => {
    expect(pin({ type: 'array', items: { type: 'integer' }, minItems: 2 }, [1, 2])).toEqual({ by: 'each', min: 2, item: { by: 'integer', value: 1 } });
    expect(pin({ type: 'array', items: object({ id: { type: 'string' } }) }, [{ id: 'a' }])).toEqual({ by: 'each', min: 0, item: { by: 'object', fields: { id: { by: 'type', value: 'a' } } } });
    expect(pin({ type: 'array', items: { type: 'integer' } }, [])).toBeUndefined();
  });

  it('follows $ref into other files and merges allOf', () => {
    const schema = { allOf: [object({ sku: { $ref: 'common.json#/$defs/sku' } }), object({ at: { $ref: 'common.json#/$defs/when' } })] };
    expect(pin(schema, { sku: 'SKU-1', at: '2025-07-01T09:00:00Z' })).toEqual({
      by: 'object',
      fields: { sku: { by: 'regex', regex: '^SKU-[0-9]+$', value: 'SKU-1' }, at: { by: 'regex', regex: FORMAT_REGEXES['date-time']!, value: '2025-07-01T09:00:00Z' } },
    });
  });

  it('pins exactly the fields a consumer reads, by type where the schema does not list one', () => {
    const schema = object({ id: { type: 'string', format: 'uuid' }, n: { type: 'integer' }, opt: { type: 'boolean' } }, ['id']);
    const value = { id: '6f1c2a9e-1b3d-4c5e-8f70-1a2b3c4d5e6f', n: 2, opt: true, free: 'x' };
    expect(pin(schema, value, ['n', 'opt', 'free'])).toEqual({ by: 'object', fields: { n: { by: 'integer', value: 2 }, opt: { by: 'boolean', value: true }, free: { by: 'type', value: 'x' } } });
  });

  it('pins an example without a schema by type throughout, or the fields a consumer reads', () => {
    expect(pinExample(undefined, { a: 1 }, lookup)).toEqual({ by: 'type', value: { a: 1 } });
    expect(pinExample(undefined, { a: 1, b: 'x' }, lookup, { fields: ['b'] })).toEqual({ by: 'object', fields: { b: { by: 'type', value: 'x' } } });
  });

  it.each([
    ['lookahead', { type: 'string', pattern: '^(?!x)[a-z]+$' }, 'abc', /uses lookaround/],
    ['a backreference', { type: 'string', pattern: '(a)\\1' }, 'aa', /uses a backreference/],
    ['a ref to a file never read', { $ref: 'missing.json' }, 'x', /\$ref "missing.json": no such schema file was read/],
  ])('refuses %s, naming the JSON pointer', (_label, inner, value, message) => {
    let problem: unknown;
    try {
      pin(object({ list: { type: 'array', items: object({ code: inner }) } }), { list: [{ code: value }] });
    } catch (err) {
      problem = err;
    }
    expect(problem).toBeInstanceOf(PinProblem);
    expect((problem as PinProblem).pointer).toBe('/list/0/code');
    expect((problem as PinProblem).message).toMatch(message);
  });
});

describe('the format regexes', () => {
  const ajv = createAjv();
  const valid: Record<string, string[]> = {
    'date-time': ['2025-07-01T09:00:00Z', '2025-07-01t09:00:00.123+02:00', '2025-07-01 09:00:00-05:30'],
    date: ['2025-07-01'],
    time: ['09:00:00Z', '23:59:59.5+01:00'],
    uuid: ['6f1c2a9e-1b3d-4c5e-8f70-1a2b3c4d5e6f', 'urn:uuid:6F1C2A9E-1B3D-4C5E-8F70-1A2B3C4D5E6F'],
    email: ['orders@supplier.example', 'a.b+c@d.io'],
    uri: ['https://lab.example/x?y=1', 'urn:isbn:0451450523'],
    'uri-reference': ['/api/v1/x', 'https://lab.example'],
    ipv4: ['127.0.0.1', '255.255.255.255'],
    ipv6: ['::1', '2001:db8::8a2e:370:7334'],
    hostname: ['lab.example', 'a-1.b'],
  };
  it.each(Object.entries(valid))('accept what ajv-formats accepts as %s', (format, values) => {
    const validate = ajv.compile({ type: 'string', format });
    for (const value of values) {
      expect(validate(value), `${value} is a valid ${format} for ajv`).toBe(true);
      expect(new RegExp(FORMAT_REGEXES[format]!, 'u').test(value), `${value} matches the ${format} regex`).toBe(true);
    }
  });

  it('cover every format they name, and reject what is plainly something else', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(FORMAT_REGEXES).sort());
    for (const [format, bad] of [['date-time', '2025-07-01'], ['date', '01/07/2025'], ['uuid', 'not-a-uuid'], ['email', 'no-at-sign'], ['ipv4', '256.1.1.1'], ['uri', '/relative']] as const) {
      expect(new RegExp(FORMAT_REGEXES[format]!, 'u').test(bad), `${bad} is not a ${format}`).toBe(false);
    }
  });
});
