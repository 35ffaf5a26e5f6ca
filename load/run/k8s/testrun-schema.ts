import type { Structural } from './structural.ts';

/**
 * The manifests `load k8s` writes, and their structural schemas for the checker (structural.ts).
 * TestRun: k6-operator's CRD k6.io/v1alpha1, its openAPIV3Schema (config/crd/bases/k6.io_testruns.yaml,
 * api/v1alpha1/testrun_types.go) narrowed to the fields a harness manifest may carry: TestRunSpec's
 * script, parallelism, separate, arguments, args, quiet, paused, cleanup and the initializer, starter
 * and runner Pods with image, imagePullPolicy, env (value or valueFrom secretKeyRef / configMapKeyRef),
 * envFrom, metadata, nodeSelector, resources and serviceAccountName. Types, required fields and enums
 * as the CRD gives them (quiet and paused are strings; cleanup is the enum [post]). ConfigMap and
 * Secret: the core v1 fields used.
 */
export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

interface Metadata {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
}

export interface TestRun {
  readonly apiVersion: 'k6.io/v1alpha1';
  readonly kind: 'TestRun';
  readonly metadata: Metadata;
  readonly spec: {
    readonly parallelism: number;
    readonly script: { readonly configMap: { readonly name: string; readonly file: string } };
    readonly arguments: string;
    readonly separate: boolean;
    readonly quiet: 'true' | 'false';
    readonly cleanup: 'post';
    readonly runner: { readonly image: string; readonly env?: EnvVar[] };
  };
}

export interface ConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: Metadata;
  readonly binaryData: Record<string, string>;
}

export interface Secret {
  readonly apiVersion: 'v1';
  readonly kind: 'Secret';
  readonly metadata: Metadata;
  readonly type: 'Opaque';
  /** base64 values. */
  readonly data: Record<string, string>;
}

const str: Structural = { type: 'string' };
const bool: Structural = { type: 'boolean' };
const stringMap: Structural = { type: 'object', additionalProperties: str };
const keyRef: Structural = { type: 'object', required: ['key'], properties: { name: str, key: str, optional: bool } };
const nameRef: Structural = { type: 'object', properties: { name: str, optional: bool } };

const envVar: Structural = {
  type: 'object',
  required: ['name'],
  properties: { name: str, value: str, valueFrom: { type: 'object', properties: { secretKeyRef: keyRef, configMapKeyRef: keyRef } } },
};

const pod: Structural = {
  type: 'object',
  properties: {
    disabled: bool,
    image: str,
    imagePullPolicy: str,
    env: { type: 'array', items: envVar },
    envFrom: { type: 'array', items: { type: 'object', properties: { prefix: str, secretRef: nameRef, configMapRef: nameRef } } },
    metadata: { type: 'object', properties: { annotations: stringMap, labels: stringMap } },
    nodeSelector: stringMap,
    resources: { type: 'object', properties: { limits: { type: 'object', additionalProperties: { type: 'int-or-string' } }, requests: { type: 'object', additionalProperties: { type: 'int-or-string' } } } },
    serviceAccountName: str,
  },
};

/** DNS-1123 label: what k6-operator's jobs and Kubernetes names accept. */
const dnsName: Structural = { type: 'string', pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, maxLength: 63 };
const metadata: Structural = { type: 'object', required: ['name'], properties: { name: dnsName, namespace: dnsName, labels: stringMap } };

export const TEST_RUN: Structural = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { type: 'string', enum: ['k6.io/v1alpha1'] },
    kind: { type: 'string', enum: ['TestRun'] },
    metadata,
    spec: {
      type: 'object',
      required: ['parallelism', 'script'],
      properties: {
        script: {
          type: 'object',
          properties: {
            configMap: { type: 'object', required: ['name'], properties: { name: str, file: str } },
            volumeClaim: { type: 'object', required: ['name'], properties: { name: str, file: str, readOnly: bool } },
            localFile: str,
          },
        },
        parallelism: { type: 'integer', format: 'int32' },
        separate: bool,
        arguments: str,
        args: { type: 'array', items: str },
        quiet: str,
        paused: str,
        cleanup: { type: 'string', enum: ['post'] },
        initializer: pod,
        starter: pod,
        runner: pod,
      },
    },
  },
};

export const CONFIG_MAP: Structural = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', enum: ['v1'] },
    kind: { type: 'string', enum: ['ConfigMap'] },
    metadata,
    data: stringMap,
    binaryData: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
    immutable: bool,
  },
};

export const SECRET: Structural = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string', enum: ['v1'] },
    kind: { type: 'string', enum: ['Secret'] },
    metadata,
    type: str,
    data: { type: 'object', additionalProperties: { type: 'string', format: 'byte' } },
    stringData: stringMap,
    immutable: bool,
  },
};
