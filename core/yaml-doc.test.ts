import { describe, expect, it } from 'vitest';
import { documentValue, lineOf } from './yaml-doc.ts';

describe('lineOf', () => {
  it.each([
    ['a: 1\nb: [\n', 0, 1],
    ['a: 1\nb: [\n', 5, 2],
    ['a: 1\nb: [\n', 10, 3],
    ['', 4, 1],
  ])('finds the line of offset %#', (text, offset, line) => {
    expect(lineOf(text, offset)).toBe(line);
  });
});

describe('documentValue', () => {
  it('turns an alias bomb into a config error naming the file', async () => {
    const { parseDocument } = await import('yaml');
    const rows = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)];
    expect(() => documentValue(parseDocument(rows.join('\n')), 'bomb.yaml')).toThrow(/^bomb\.yaml: not valid YAML \(Excessive alias count/);
  });
});
