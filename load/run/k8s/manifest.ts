import { stringify } from 'yaml';
import { ConfigError, HarnessError } from '../../../core/errors.ts';
import { structuralProblems } from './structural.ts';
import { CONFIG_MAP, SECRET, TEST_RUN, type ConfigMap, type EnvVar, type Secret, type TestRun } from './testrun-schema.ts';

/**
 * `load k8s`: a ConfigMap holding the scenario as a k6 archive (every import and the --env values
 * bundled in one .tar, since a ConfigMap cannot hold the lib/ folder), a Secret with the login's
 * credentials, and a k6-operator TestRun running it with `parallelism` runners, each given its
 * execution segment by the operator. The credentials reach the runners (and the initializer, which
 * copies the runner's settings) as environment variables from the Secret; k6 reads the process
 * environment over the archive's, so the archive never holds them.
 */
export const CONFIGMAP_LIMIT_BYTES = 1_048_576;
export const ARCHIVE_KEY = 'archive.tar';

export interface SecretInput {
  readonly name: string;
  /** The env vars the runners take from the Secret, with their values; undefined values: the Secret exists already (not written). */
  readonly values: Readonly<Record<string, string>> | undefined;
  readonly keys: readonly string[];
}

export interface ManifestInput {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly instances: number;
  readonly archive: Buffer;
  readonly image: string;
  /** Extra k6 arguments (outputs, tags). */
  readonly arguments: readonly string[];
  /** Plain environment (nothing secret). */
  readonly runnerEnv: Readonly<Record<string, string>>;
  readonly secret: SecretInput | undefined;
}

export interface Manifests {
  readonly secret: Secret | undefined;
  readonly configMap: ConfigMap;
  readonly testRun: TestRun;
}

export function k8sName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

/** Every structural problem of the manifests (structural.ts): unknown fields, types, enums, required. */
export function manifestProblems(m: Manifests): string[] {
  return [
    ...structuralProblems(TEST_RUN, m.testRun, 'TestRun'),
    ...structuralProblems(CONFIG_MAP, m.configMap, 'ConfigMap'),
    ...(m.secret ? structuralProblems(SECRET, m.secret, 'Secret') : []),
  ];
}

export function buildManifests(i: ManifestInput): Manifests {
  const labels = { 'app.kubernetes.io/part-of': 'tracseq-validate' };
  const ns = i.namespace ? { namespace: i.namespace } : {};
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: i.name, ...ns, labels },
    binaryData: { [ARCHIVE_KEY]: i.archive.toString('base64') },
  };
  const size = Buffer.byteLength(JSON.stringify(configMap));
  if (size > CONFIGMAP_LIMIT_BYTES) {
    throw new ConfigError(`the k6 archive makes a ${size}-byte ConfigMap, over Kubernetes' ${CONFIGMAP_LIMIT_BYTES}-byte limit; use a volumeClaim instead`);
  }
  const s = i.secret;
  const secret: Secret | undefined = s?.values
    ? { apiVersion: 'v1', kind: 'Secret', metadata: { name: s.name, ...ns, labels }, type: 'Opaque', data: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) }
    : undefined;
  const env: EnvVar[] = [
    ...Object.entries(i.runnerEnv).map(([name, value]) => ({ name, value })),
    ...(s ? s.keys.map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: s.name, key } } })) : []),
  ];
  const testRun: TestRun = {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: i.name, ...ns, labels },
    spec: {
      parallelism: i.instances,
      script: { configMap: { name: i.name, file: ARCHIVE_KEY } },
      arguments: i.arguments.join(' '),
      separate: false,
      quiet: 'false',
      cleanup: 'post',
      runner: { image: i.image, ...(env.length ? { env } : {}) },
    },
  };
  const manifests = { secret, configMap, testRun };
  const problems = manifestProblems(manifests);
  if (problems.length > 0) throw new HarnessError(`generated manifest does not match the TestRun CRD: ${problems.join('; ')}`, 70);
  return manifests;
}

export function manifestYaml(m: Manifests, notes: readonly string[]): string {
  const header = notes.map((n) => `# ${n}`).join('\n');
  return `${header}\n${[m.secret, m.configMap, m.testRun].filter((d) => d !== undefined).map((d) => stringify(d)).join('---\n')}`;
}
