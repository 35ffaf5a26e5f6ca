import { z } from 'zod';

/**
 * The k6-operator TestRun CRD (apiVersion k6.io/v1alpha1), field names as in grafana/k6-operator
 * api/v1alpha1/testrun_types.go (TestRunSpec, K6Script, K6Configmap, K6VolumeClaim, Pod). Strict
 * objects: a misspelt field in the generated manifest fails the unit test instead of being
 * silently ignored by the cluster.
 */
const EnvVar = z.strictObject({ name: z.string().min(1), value: z.string() });

const Pod = z.strictObject({
  disabled: z.boolean().optional(),
  image: z.string().optional(),
  imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
  env: z.array(EnvVar).optional(),
  metadata: z.strictObject({ annotations: z.record(z.string(), z.string()).optional(), labels: z.record(z.string(), z.string()).optional() }).optional(),
  nodeSelector: z.record(z.string(), z.string()).optional(),
  resources: z.strictObject({ limits: z.record(z.string(), z.string()).optional(), requests: z.record(z.string(), z.string()).optional() }).optional(),
  serviceAccountName: z.string().optional(),
});

const K6Script = z
  .strictObject({
    configMap: z.strictObject({ name: z.string().min(1), file: z.string().optional() }).optional(),
    volumeClaim: z.strictObject({ name: z.string().min(1), file: z.string().optional(), readOnly: z.boolean().optional() }).optional(),
    localFile: z.string().optional(),
  })
  .refine((s) => s.configMap || s.volumeClaim || s.localFile, 'script definition should contain one of: configMap, volumeClaim, localFile');

const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 name').max(63);

export const TestRunSchema = z.strictObject({
  apiVersion: z.literal('k6.io/v1alpha1'),
  kind: z.literal('TestRun'),
  metadata: z.strictObject({ name: dnsName, namespace: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }),
  spec: z.strictObject({
    script: K6Script,
    parallelism: z.number().int().positive(),
    separate: z.boolean().optional(),
    arguments: z.string().optional(),
    initializer: Pod.optional(),
    starter: Pod.optional(),
    runner: Pod.optional(),
    quiet: z.enum(['true', 'false']).optional(),
    paused: z.enum(['true', 'false']).optional(),
    cleanup: z.literal('post').optional(),
  }),
});

/** A ConfigMap carrying the k6 archive (binaryData is base64; the whole object must stay under 1 MiB). */
export const ConfigMapSchema = z.strictObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('ConfigMap'),
  metadata: z.strictObject({ name: dnsName, namespace: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }),
  binaryData: z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')),
});

export type TestRun = z.infer<typeof TestRunSchema>;
export type ConfigMap = z.infer<typeof ConfigMapSchema>;
