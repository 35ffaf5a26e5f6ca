import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { parseYaml, readJson, readJsonIfExists, readYaml } from './read-file.ts';

const Thing = z.strictObject({ name: z.string(), size: z.number().int() });

describe('reading a file through its schema', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'read-file-'));
    await writeFile(file('good.json'), '{"name": "a", "size": 3}');
    await writeFile(file('broken.json'), '{"name": ');
    await writeFile(file('bad.json'), '{"size": 1.5, "colour": "red"}');
    await writeFile(file('bad.yaml'), 'name: a\nsize: [1\n');
    await writeFile(file('empty.yaml'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const failure = async (work: Promise<unknown>): Promise<ConfigError> => {
    const err = await work.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(2);
    return err as ConfigError;
  };

  it('gives the parsed value of a good file', async () => {
    expect(await readJson(file('good.json'), Thing, 'thing')).toEqual({ name: 'a', size: 3 });
  });

  it('names a file it cannot read, with the hint on how to get one', async () => {
    const err = await failure(readJson(file('none.json'), Thing, 'thing', 'make one with `thing new`'));
    expect(err.message).toBe(`${file('none.json')}: cannot read thing (ENOENT); make one with \`thing new\``);
  });

  it('gives undefined for a missing file only when asked to', async () => {
    expect(await readJsonIfExists(file('none.json'), Thing, 'thing')).toBeUndefined();
    await failure(readJsonIfExists(file('broken.json'), Thing, 'thing'));
  });

  it('names a file that is not JSON', async () => {
    expect((await failure(readJson(file('broken.json'), Thing, 'thing'))).message).toMatch(new RegExp(`^${file('broken.json')}: not valid JSON \\(`));
  });

  it('lists every bad field, each named with the file', async () => {
    const err = await failure(readJson(file('bad.json'), Thing, 'thing'));
    expect(err.message).toBe(`${file('bad.json')}: invalid thing (3 problems)`);
    expect(err.details).toEqual([
      `${file('bad.json')}: name: Invalid input: expected string, received undefined`,
      `${file('bad.json')}: size: Invalid input: expected int, received number`,
      `${file('bad.json')}: Unrecognized key: "colour"`,
    ]);
  });

  it('names the line of a YAML syntax error, and hands an empty document to the schema as undefined', async () => {
    expect((await failure(readYaml(file('bad.yaml'), Thing, 'thing'))).message).toMatch(new RegExp(`^${file('bad.yaml')}: not valid YAML \\(line \\d: `));
    expect(await readYaml(file('empty.yaml'), Thing.optional(), 'thing')).toBeUndefined();
    expect(() => parseYaml('', Thing, 'inline.yaml', 'thing')).toThrow('inline.yaml: invalid thing (1 problem)');
  });
});
