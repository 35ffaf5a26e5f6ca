import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../core/catalog/load.ts';
import { resolveCatalog } from '../../../core/catalog/resolve.ts';
import type { Catalog } from '../../../core/catalog/schema.ts';
import { parsePlan } from '../../lib/parse-plan.ts';
import { buildPlan } from './build-plan.ts';
import { loginCredentials } from './login.ts';

const catalog = loadCatalog();
const plan = (c: Catalog = catalog, env = 'local') => buildPlan(resolveCatalog(c, env, {}));
const editEndpoint = (service: string, name: string, edit: Record<string, unknown>): Catalog => ({
  ...catalog,
  services: catalog.services.map((s) => (s.id !== service ? s : { ...s, endpoints: s.endpoints.map((e) => (e.name === name ? { ...e, ...edit } : e)) })),
});

describe('the endpoints plan from the catalog', () => {
  it('calls every key endpoint of every TracSeq HTTP service, with its weight, URL, body and auth flag', () => {
    const p = plan();
    expect(new Set(p.endpoints.map((e) => e.service)).size).toBe(15);
    expect(p.leftOut).toEqual([]);
    expect(p.endpoints.find((e) => e.endpoint === 'list-samples')).toEqual({
      service: 'sample-service', endpoint: 'list-samples', method: 'GET', path: '/api/v1/samples', url: 'http://127.0.0.1:8081/api/v1/samples',
      status: 200, body: null, auth: false, login: false, weight: 2,
    });
    expect(p.endpoints.find((e) => e.endpoint === 'query')).toMatchObject({ method: 'POST', body: { question: 'Which samples are stored at -80C?' }, weight: 1 });
    expect(p.endpoints.find((e) => e.endpoint === 'current-user')).toMatchObject({ auth: true });
  });

  it('holds no credential: the login names the env var of each secret field, and parses back as a valid plan', () => {
    const p = plan();
    expect(p.auth).toMatchObject({ url: 'http://127.0.0.1:8080/api/v1/auth/login', body: { email: 'admin@lab.local' }, secrets: { password: 'LOGIN_PASSWORD' }, token: 'access_token', header: 'authorization', scheme: 'Bearer' });
    expect(p.endpoints.find((e) => e.endpoint === 'login')).toMatchObject({ login: true, body: { email: 'admin@lab.local' } });
    const password = loginCredentials(resolveCatalog(catalog, 'local', {}))['LOGIN_PASSWORD']!;
    expect(password.length).toBeGreaterThan(0);
    expect(JSON.stringify(p)).not.toContain(password);
    expect(parsePlan(JSON.parse(JSON.stringify(p)), 'test')).toEqual(p);
  });

  it('fills path parameters from load.params and leaves out, with the reason, what cannot be called as described', () => {
    const withParam = editEndpoint('storage-service', 'list-locations', { path: '/api/v1/storage/locations/{zone}', load: { weight: 1, params: { zone: 'freezer -80' } } });
    expect(plan(withParam).endpoints.find((e) => e.endpoint === 'list-locations')?.url).toBe('http://127.0.0.1:8082/api/v1/storage/locations/freezer%20-80');
    const missing = editEndpoint('storage-service', 'list-locations', { path: '/api/v1/storage/locations/{zone}' });
    expect(plan(missing).leftOut).toEqual([{ service: 'storage-service', endpoint: 'list-locations', reason: 'path /api/v1/storage/locations/{zone} needs {zone}: give load.params.zone' }]);
    const off = editEndpoint('qaqc-service', 'list-qc-results', { load: { weight: 0, params: {} } });
    expect(plan(off).leftOut).toEqual([{ service: 'qaqc-service', endpoint: 'list-qc-results', reason: 'load.weight is 0' }]);
    const { auth: _auth, ...noAuth } = catalog;
    const p = plan(noAuth);
    expect(p.auth).toBeNull();
    expect(p.leftOut.map((l) => `${l.service} ${l.endpoint}: ${l.reason}`)).toEqual([
      'api-gateway list-samples-via-gateway: it needs a token, and the catalog names no login (auth.login)',
      'auth-service current-user: it needs a token, and the catalog names no login (auth.login)',
    ]);
  });

  it('refuses a catalog that leaves nothing to load, naming why for each endpoint', () => {
    const nothing: Catalog = { ...catalog, services: catalog.services.map((s) => ({ ...s, endpoints: s.endpoints.map((e) => ({ ...e, load: { weight: 0, params: {} } })) })) };
    expect(() => plan(nothing)).toThrow(/the endpoints scenario has nothing to load in environment "local"/);
  });

  it('refuses weights too fine for a schedule', () => {
    expect(() => plan(editEndpoint('lab-manager', 'dashboard', { load: { weight: 0.0001, params: {} } }))).toThrow(/endpoints\[\]\.load\.weight: weights must be positive multiples of 0\.001/);
  });
});
