import { stringify } from 'yaml';
import { ConfigError } from '../../../core/errors.ts';
import type { ConfigMap, TestRun } from './testrun-schema.ts';

/**
 * `load k8s`: a ConfigMap holding the scenario as a k6 archive (every import and the --env values
 * bundled in one .tar, since a ConfigMap cannot hold the lib/ folder) and a k6-operator TestRun
 * running it with `parallelism` runners, each given its execution segment by the operator.
 */
export const CONFIGMAP_LIMIT_BYTES = 1_048_576;
export const ARCHIVE_KEY = 'archive.tar';

export interface ManifestInput {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly instances: number;
  readonly archive: Buffer;
  readonly image: string;
  /** Extra k6 arguments (outputs, tags). */
  readonly arguments: readonly string[];
  readonly runnerEnv: Readonly<Record<string, string>>;
}

export function k8sName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

export function buildManifests(i: ManifestInput): { configMap: ConfigMap; testRun: TestRun } {
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
  const env = Object.entries(i.runnerEnv).map(([name, value]) => ({ name, value }));
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
  return { configMap, testRun };
}

export function manifestYaml(m: { configMap: ConfigMap; testRun: TestRun }, notes: readonly string[]): string {
  const header = notes.map((n) => `# ${n}`).join('\n');
  return `${header}\n${stringify(m.configMap)}---\n${stringify(m.testRun)}`;
}
