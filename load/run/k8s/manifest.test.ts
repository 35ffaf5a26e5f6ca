import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildManifests, CONFIGMAP_LIMIT_BYTES, k8sName, manifestYaml } from './manifest.ts';
import { ConfigMapSchema, TestRunSchema } from './testrun-schema.ts';

const input = {
  name: 'tracseq-load-staging',
  namespace: 'perf',
  instances: 4,
  archive: Buffer.from('k6 archive bytes'),
  image: 'grafana/k6:2.2.0',
  arguments: ['--no-usage-report', '--out', 'experimental-prometheus-rw'],
  runnerEnv: { K6_PROMETHEUS_RW_SERVER_URL: 'http://prometheus:9090/api/v1/write' },
};

describe('the k6-operator manifests', () => {
  it('match the TestRun CRD field names and the ConfigMap shape', () => {
    const m = buildManifests(input);
    expect(TestRunSchema.parse(m.testRun).spec).toMatchObject({
      parallelism: 4,
      script: { configMap: { name: 'tracseq-load-staging', file: 'archive.tar' } },
      arguments: '--no-usage-report --out experimental-prometheus-rw',
      runner: { image: 'grafana/k6:2.2.0', env: [{ name: 'K6_PROMETHEUS_RW_SERVER_URL', value: 'http://prometheus:9090/api/v1/write' }] },
    });
    expect(Buffer.from(ConfigMapSchema.parse(m.configMap).binaryData['archive.tar']!, 'base64').toString()).toBe('k6 archive bytes');
  });

  it('reject a misspelt CRD field (the schema is strict)', () => {
    const m = buildManifests(input);
    const typo = { ...m.testRun, spec: { ...m.testRun.spec, paralellism: 4 } };
    expect(TestRunSchema.safeParse(typo).success).toBe(false);
  });

  it('write both documents as YAML that reads back the same', () => {
    const m = buildManifests(input);
    const [cm, tr] = manifestYaml(m, ['note']).split('\n---\n').map((doc) => parse(doc));
    expect(cm).toEqual(m.configMap);
    expect(tr).toEqual(m.testRun);
  });

  it('refuse an archive too big for a ConfigMap', () => {
    expect(() => buildManifests({ ...input, archive: Buffer.alloc(CONFIGMAP_LIMIT_BYTES) })).toThrow(/volumeClaim/);
  });

  it('make DNS-1123 names', () => {
    expect(k8sName('TracSeq_Stress--Staging!')).toBe('tracseq-stress-staging');
  });
});
