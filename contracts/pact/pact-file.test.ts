import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, UnreachableError } from '../../core/errors.ts';
import { loadPacts } from './load-pacts.ts';
import { contentHash, parsePactFile } from './pact-file.ts';

const v4 = (over: Record<string, unknown> = {}) => ({
  consumer: { name: 'api-gateway' },
  provider: { name: 'auth-service' },
  interactions: [
    { type: 'Synchronous/HTTP', description: 'validate-token: ok', request: { method: 'POST', path: '/api/v1/auth/validate' }, response: { status: 200 } },
    { type: 'Asynchronous/Messages', description: 'sample.created: x', contents: { content: { sample_id: 's' } } },
  ],
  metadata: { pactSpecification: { version: '4.0' } },
  ...over,
});

describe('pact file parsing', () => {
  it('reads a V4 pact with HTTP and message interactions and hashes its content', () => {
    const loaded = parsePactFile(JSON.stringify(v4()), 'pacts/a.json');
    expect(loaded.pact.interactions.map((i) => i.type)).toEqual(['Synchronous/HTTP', 'Asynchronous/Messages']);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash whatever the key order or metadata', () => {
    const a = parsePactFile(JSON.stringify(v4()), 'a.json');
    const reordered = { metadata: { pactSpecification: { version: '4.0' }, pactRust: { ffi: '9' } }, interactions: v4().interactions, provider: { name: 'auth-service' }, consumer: { name: 'api-gateway' } };
    expect(parsePactFile(JSON.stringify(reordered), 'b.json').hash).toBe(a.hash);
    expect(contentHash({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(contentHash({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });

  it('names the file when the JSON is corrupt', () => {
    expect(() => parsePactFile('{"consumer": ', 'pacts/broken.json')).toThrow(ConfigError);
    expect(() => parsePactFile('{"consumer": ', 'pacts/broken.json')).toThrow(/^pacts\/broken\.json: not valid JSON \(/);
  });

  it('names the file and every bad field of a V4 pact', () => {
    const bad = v4({ provider: {}, interactions: [{ type: 'Synchronous/HTTP', description: 'x', request: { method: 'GET', path: 'x' }, response: { status: 200 } }] });
    try {
      parsePactFile(JSON.stringify(bad), 'pacts/bad.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message).toBe('pacts/bad.json: invalid Pact V4 file (2 problems)');
      expect((err as ConfigError).details).toEqual([
        'pacts/bad.json: provider.name: Invalid input: expected string, received undefined',
        'pacts/bad.json: interactions[0].request.path: Invalid string: must start with "/"',
      ]);
    }
  });

  it('refuses a pact without interactions and an interaction of an unknown type', () => {
    expect(() => parsePactFile(JSON.stringify(v4({ interactions: [] })), 'p.json')).toThrow(/invalid Pact V4 file/);
    expect(() => parsePactFile(JSON.stringify(v4({ interactions: [{ type: 'Synchronous/Messages', description: 'x' }] })), 'p.json')).toThrow(/invalid Pact V4 file/);
  });
});

describe('loading a pacts folder', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is no data (exit 3), never a pass, when the folder is empty or missing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pacts-'));
    await expect(loadPacts(dir)).rejects.toBeInstanceOf(UnreachableError);
    await expect(loadPacts(dir)).rejects.toThrow(/has no pact files: nothing to verify/);
    await expect(loadPacts(join(dir, 'missing'))).rejects.toThrow(/cannot read it \(ENOENT\)/);
  });

  it('loads every pact and refuses two files for one consumer/provider pair', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pacts-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify(v4()));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    expect((await loadPacts(dir)).map((p) => p.file)).toEqual([join(dir, 'a.json')]);
    await writeFile(join(dir, 'b.json'), JSON.stringify(v4()));
    await expect(loadPacts(dir)).rejects.toThrow(/b\.json: second pact for api-gateway -> auth-service/);
  });

  it('names the corrupt file among good ones', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pacts-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify(v4()));
    await writeFile(join(dir, 'z.json'), '{ not json');
    await expect(loadPacts(dir)).rejects.toThrow(`${join(dir, 'z.json')}: not valid JSON`);
  });
});
