import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError } from '../errors.ts';
import { parseCatalog } from './load.ts';

/** The catalog's load fields (`load:`, `endpoints[].load`): checked at load time, each problem naming its field. */
const base = {
  system: 'small',
  catalogVersion: 1,
  environments: { local: { urlTemplate: 'http://127.0.0.1:{port}' } },
  services: [
    { id: 'web', port: 8001, health: { path: '/health' }, endpoints: [{ name: 'page', path: '/pages/{slug}', load: { weight: 3, params: { slug: 'home' } } }] },
    { id: 'login-svc', port: 8002, health: { path: '/health' }, endpoints: [{ name: 'login', method: 'POST', path: '/login', body: { user: 'u', password: 'p' } }] },
    { id: 'db', kind: 'postgres', port: 5432 },
  ],
};
const problems = (edit: Record<string, unknown>): string[] => {
  try {
    parseCatalog(stringify({ ...base, ...edit }), 'c.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  return [];
};

describe('the catalog load fields', () => {
  it('accept a catalog with an entry and weighted endpoints, and default the rest', () => {
    expect(problems({ load: { entry: 'web', journeys: false } })).toEqual([]);
    const parsed = parseCatalog(stringify(base), 'c.yaml');
    expect(parsed.load).toEqual({ journeys: false });
    expect(parsed.services[0]?.endpoints[0]?.load).toEqual({ weight: 3, params: { slug: 'home' } });
    expect(parsed.services[1]?.endpoints[0]?.load).toEqual({ weight: 1, params: {} });
  });

  it.each([
    ['an entry the catalog does not have', { load: { entry: 'gateway' } }, 'load.entry: unknown service "gateway"'],
    ['an entry that is not an http service', { load: { entry: 'db' } }, 'load.entry: db is postgres, not an http service'],
  ])('refuse %s', (_name, edit, problem) => {
    expect(problems(edit)).toEqual([problem]);
  });

  it('refuse a path parameter the path does not have, and a negative weight', () => {
    const services = (load: Record<string, unknown>) => [{ ...base.services[0], endpoints: [{ ...base.services[0]!.endpoints![0], load }] }, ...base.services.slice(1)];
    expect(problems({ services: services({ params: { slug: 'home', lang: 'en' } }) })).toEqual(['services[0].endpoints[0].load.params.lang: the path /pages/{slug} has no {lang}']);
    expect(problems({ services: services({ weight: -1 }) })).toEqual(['services[0].endpoints[0].load.weight: Too small: expected number to be >=0']);
  });
});
