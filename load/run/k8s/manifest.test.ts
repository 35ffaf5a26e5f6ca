import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { buildManifests, CONFIGMAP_LIMIT_BYTES, k8sName, manifestProblems, manifestYaml, type Manifests } from './manifest.ts';

const PASSWORD = 'pw-7c1e5d';
const input = {
  name: 'tracseq-load-staging',
  namespace: 'perf',
  instances: 4,
  archive: Buffer.from('k6 archive bytes'),
  image: 'grafana/k6:2.2.0',
  arguments: ['--no-usage-report', '--out', 'experimental-prometheus-rw'],
  runnerEnv: { K6_PROMETHEUS_RW_PUSH_INTERVAL: '1s' },
  secret: { name: 'tracseq-load-staging-secrets', keys: ['LOGIN_EMAIL', 'LOGIN_PASSWORD'], values: { LOGIN_EMAIL: 'admin@lab.local', LOGIN_PASSWORD: PASSWORD } },
};

describe('the k6-operator manifests', () => {
  it('pass the TestRun CRD check, the runners taking the credentials from the Secret by secretKeyRef', () => {
    const m = buildManifests(input);
    expect(manifestProblems(m)).toEqual([]);
    expect(m.testRun.spec).toMatchObject({
      parallelism: 4,
      script: { configMap: { name: 'tracseq-load-staging', file: 'archive.tar' } },
      arguments: '--no-usage-report --out experimental-prometheus-rw',
      cleanup: 'post',
      runner: {
        image: 'grafana/k6:2.2.0',
        env: [
          { name: 'K6_PROMETHEUS_RW_PUSH_INTERVAL', value: '1s' },
          { name: 'LOGIN_EMAIL', valueFrom: { secretKeyRef: { name: 'tracseq-load-staging-secrets', key: 'LOGIN_EMAIL' } } },
          { name: 'LOGIN_PASSWORD', valueFrom: { secretKeyRef: { name: 'tracseq-load-staging-secrets', key: 'LOGIN_PASSWORD' } } },
        ],
      },
    });
    expect(m.secret).toMatchObject({ kind: 'Secret', type: 'Opaque', metadata: { name: 'tracseq-load-staging-secrets', namespace: 'perf' } });
    expect(Buffer.from(m.secret!.data['LOGIN_PASSWORD']!, 'base64').toString()).toBe(PASSWORD);
    expect(Buffer.from(m.configMap.binaryData['archive.tar']!, 'base64').toString()).toBe('k6 archive bytes');
  });

  it('keep the credentials out of the ConfigMap and the TestRun, in any encoding', () => {
    const m = buildManifests(input);
    const outside = JSON.stringify([m.configMap, m.testRun]);
    for (const form of [PASSWORD, Buffer.from(PASSWORD).toString('base64')]) expect(outside).not.toContain(form);
  });

  it('reference an existing Secret without writing one', () => {
    const m = buildManifests({ ...input, secret: { ...input.secret, name: 'team-login', values: undefined } });
    expect(m.secret).toBeUndefined();
    expect(m.testRun.spec.runner.env?.at(-1)).toEqual({ name: 'LOGIN_PASSWORD', valueFrom: { secretKeyRef: { name: 'team-login', key: 'LOGIN_PASSWORD' } } });
    expect(JSON.stringify(m)).not.toContain(PASSWORD);
  });

  it.each([
    ['a misspelt field, which the API server would prune', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, paralellism: 4 } } }), 'TestRun.spec.paralellism: unknown field (the API server would prune it)'],
    ['parallelism as a string', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, parallelism: '4' } } }), 'TestRun.spec.parallelism: must be an integer, got string'],
    ['quiet as a boolean (the CRD types it string)', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, quiet: false } } }), 'TestRun.spec.quiet: must be a string, got boolean'],
    ['a cleanup outside its enum', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, cleanup: 'pre' } } }), 'TestRun.spec.cleanup: "pre" is not one of post'],
    ['an env var without a name', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, runner: { image: 'k6', env: [{ value: 'x' }] } } } }), 'TestRun.spec.runner.env[0].name: required'],
    ['a secretKeyRef without its key', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, runner: { image: 'k6', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's' } } }] } } } }), 'TestRun.spec.runner.env[0].valueFrom.secretKeyRef.key: required'],
    ['a parallelism past int32', (m: Manifests) => ({ ...m, testRun: { ...m.testRun, spec: { ...m.testRun.spec, parallelism: 2 ** 31 } } }), 'TestRun.spec.parallelism: 2147483648 is out of int32 range'],
    ['Secret data that is not base64', (m: Manifests) => ({ ...m, secret: { ...m.secret!, data: { LOGIN_PASSWORD: 'not base64!' } } }), 'Secret.data.LOGIN_PASSWORD: must be base64'],
    ['a ConfigMap field Kubernetes does not have', (m: Manifests) => ({ ...m, configMap: { ...m.configMap, binarydata: {} } }), 'ConfigMap.binarydata: unknown field (the API server would prune it)'],
  ])('report %s', (_name, mutate, problem) => {
    expect(manifestProblems(mutate(buildManifests(input)) as Manifests)).toEqual([problem]);
  });

  it('write the three documents as YAML that reads back the same', () => {
    const m = buildManifests(input);
    const docs = parseAllDocuments(manifestYaml(m, ['note'])).map((d) => d.toJSON() as unknown);
    expect(docs).toEqual([m.secret, m.configMap, m.testRun]);
  });

  it('refuse an archive too big for a ConfigMap', () => {
    expect(() => buildManifests({ ...input, archive: Buffer.alloc(CONFIGMAP_LIMIT_BYTES) })).toThrow(/volumeClaim/);
  });

  it('make DNS-1123 names', () => {
    expect(k8sName('TracSeq_Stress--Staging!')).toBe('tracseq-stress-staging');
  });
});
