import { z } from 'zod';

/** The load commands' flags as commander gives them (text); their defaults live here, not in commander. */
const text = z.string();

export const LoadRunFlags = z.strictObject({
  env: z.string().min(1).default('local'),
  rate: text.optional(),
  endpoints: z.boolean().optional(),
  endpointsRate: text.optional(),
  duration: text.optional(),
  ramp: text.optional(),
  vus: text.optional(),
  thinkScale: text.optional(),
  instances: text.optional(),
  prometheusRw: text.optional(),
  allowProduction: z.boolean().optional(),
  allowHost: z.array(text).optional(),
  /** `--baseline` alone: the scenario's default baseline file. */
  baseline: z.union([text, z.boolean()]).optional(),
  config: text.optional(),
  expectedRps: text.optional(),
  format: text.optional(),
  k6: text.optional(),
});

export const LoadK8sFlags = z.strictObject({
  env: z.string().min(1).default('staging'),
  instances: text.default('2'),
  out: text.optional(),
  image: z.string().min(1).default('grafana/k6:2.2.0'),
  namespace: text.optional(),
  name: text.optional(),
  prometheusRw: text.optional(),
  /** An existing Secret with the credentials: none is written. */
  secret: text.optional(),
  rate: text.optional(),
  endpoints: z.boolean().optional(),
  endpointsRate: text.optional(),
  duration: text.optional(),
  ramp: text.optional(),
  vus: text.optional(),
  allowProduction: z.boolean().optional(),
  k6: text.optional(),
});

export const LoadThresholdsFlags = z.strictObject({
  env: z.string().min(1).default('local'),
  scenario: z.string().min(1).default('load'),
  endpoints: z.boolean().optional(),
});

export const LoadPlanFlags = z.strictObject({
  env: z.string().min(1).default('local'),
});

export const LoadAnalyzeFlags = z.strictObject({
  /** Labels only: the analysis does not depend on them. */
  scenario: z.string().min(1).default('load'),
  env: z.string().min(1).default('local'),
  series: z.boolean().optional(),
});

export const LoadBaselineShowFlags = z.strictObject({ json: z.boolean().optional() });
export const LoadBaselinePromoteFlags = z.strictObject({ scenario: z.string().min(1).optional(), out: z.string().min(1).optional() });
export const LoadBaselineResetFlags = z.strictObject({ all: z.boolean().optional() });
