import { describe, expect, it } from 'vitest';
import { structuralProblems, type Structural } from './structural.ts';

/** The checker judges as the API server does for a structural schema: prune unknown fields, refuse wrong types. */
const schema: Structural = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: /^[a-z]+$/ },
    limits: { type: 'object', additionalProperties: { type: 'int-or-string' } },
    items: { type: 'array', items: { type: 'object', properties: { on: { type: 'boolean' } } } },
  },
};

describe('the structural schema checker', () => {
  it.each([
    ['a value it keeps as is', { name: 'ok', limits: { cpu: '500m', pods: 3 }, items: [{ on: true }] }, []],
    ['an unknown field, deep in an array', { name: 'ok', items: [{ on: true, off: false }] }, ['.items[0].off: unknown field (the API server would prune it)']],
    ['a map value of the wrong type', { name: 'ok', limits: { cpu: true } }, ['.limits.cpu: must be an integer or a string, got boolean']],
    ['a missing required field', { limits: {} }, ['.name: required']],
    ['a pattern miss', { name: 'Not OK' }, ['.name: "Not OK" does not match ^[a-z]+$']],
    ['null where an object belongs', { name: 'ok', limits: null }, ['.limits: must be an object, got null']],
  ])('reports %s', (_name, value, problems) => {
    expect(structuralProblems(schema, value)).toEqual(problems);
  });
});
