import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { catalogEdges } from './edges.ts';
import { DEFAULT_CATALOG_PATH, loadCatalog, parseCatalog } from './load.ts';
import { resolveCatalog, urlEnvVar } from './resolve.ts';

/** Problems of catalog text read as if it were the shipped file (so its schema paths resolve beside it). */
function problemsOf(text: string, file = DEFAULT_CATALOG_PATH): string[] {
  try {
    parseCatalog(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).details];
  }
  throw new Error('expected the catalog to be rejected');
}

const shipped = readFileSync(DEFAULT_CATALOG_PATH, 'utf8');

describe('the catalog loader', () => {
  it('accepts the shipped TracSeq catalog with every service the seeds name', () => {
    const catalog = loadCatalog();
    const ids = catalog.services.map((s) => s.id);
    for (const id of ['api-gateway', 'auth-service', 'sample-service', 'storage-service', 'template-service', 'sequencing-service',
      'notification-service', 'event-service', 'transaction-service', 'rag-service', 'library-details-service', 'qaqc-service',
      'reports-service', 'spreadsheet-versioning-service', 'lab-manager', 'postgres', 'redis', 'chroma']) {
      expect(ids).toContain(id);
    }
  });

  it('reports every problem at once, each naming the field', () => {
    const broken = shipped
      .replace('port: 8080', 'port: 99999')
      .replace('schema: tracseq/schemas/sample-list.json, auth: true', 'schema: tracseq/schemas/no-such.json, auth: true')
      .replace('- { to: storage-service, name: assign-location', '- { to: nowhere-service, name: assign-location');
    const problems = problemsOf(broken);
    expect(problems).toContain('services[1].port: Too big: expected number to be <=65535');
    const again = problemsOf(shipped.replace('schema: tracseq/schemas/sample-list.json, auth: true', 'schema: tracseq/schemas/no-such.json, auth: true')
      .replace('- { to: storage-service, name: assign-location', '- { to: nowhere-service, name: assign-location'));
    expect(again).toEqual(expect.arrayContaining([
      'services[2].dependencies.http[0].to: unknown service "nowhere-service"',
      expect.stringMatching(/^services\[0\]\.endpoints\[0\]\.schema: no such file tracseq\/schemas\/no-such\.json \(looked for .*catalog\/tracseq\/schemas\/no-such\.json\)$/),
    ]));
  });

  it('rejects unknown fields, wrong types and bad YAML with the field path', () => {
    expect(problemsOf(shipped.replace('kind: http\n    port: 8089', 'kind: http\n    prot: 8089\n    port: 8089'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^services\[0\]: Unrecognized key: "prot"/)]),
    );
    expect(problemsOf(shipped.replace('port: 8083', 'port: "eighty"'))[0]).toMatch(/^services\[4\]\.port: /);
    expect(problemsOf('services: [\n', 'bad.yaml')[0]).toMatch(/^bad\.yaml:\d+: /);
  });

  it('rejects a catalog that names no services', () => {
    expect(problemsOf('system: x\ncatalogVersion: 1\nenvironments: {}\nservices: []\n')).toEqual(['services: the catalog names no services']);
  });

  it('resolves URLs per environment, with <ID>_URL env vars winning', () => {
    const catalog = loadCatalog();
    const local = resolveCatalog(catalog, 'local', { AUTH_SERVICE_URL: 'http://127.0.0.1:1234/' });
    expect(local.services.find((s) => s.service.id === 'auth-service')?.baseUrl).toBe('http://127.0.0.1:1234');
    expect(local.services.find((s) => s.service.id === 'sample-service')?.baseUrl).toBe('http://127.0.0.1:8081');
    expect(local.services.find((s) => s.service.id === 'postgres')?.baseUrl).toBeUndefined();
    expect(resolveCatalog(catalog, 'production', {}).production).toBe(true);
    expect(urlEnvVar('api-gateway')).toBe('API_GATEWAY_URL');
    expect(() => resolveCatalog(catalog, 'qa', {})).toThrow(/--env: unknown environment "qa"/);
  });

  it('lists the dependency edges the contracts must cover', () => {
    const keys = catalogEdges(loadCatalog()).map((e) => `${e.consumer}->${e.provider}:${e.name}`);
    expect(keys).toEqual(expect.arrayContaining([
      'api-gateway->auth-service:validate-token',
      'sample-service->storage-service:assign-location',
      'sequencing-service->notification-service:send-notification',
      'event-service->storage-service:storage.location_assigned',
      'event-service->sample-service:sample.created',
      'notification-service->sequencing-service:sequencing.job_completed',
    ]));
  });
});
