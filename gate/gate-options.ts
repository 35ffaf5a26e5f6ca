import { z } from 'zod';
import { durationField } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import { formatIssues } from '../core/zod-issues.ts';
import { BaselinePolicy } from '../load/run/baseline/policy.ts';
import { SCENARIOS } from '../load/run/settings.ts';

/** The gate command's flags after parsing; defaults live here only. */
export const GateOptionsSchema = z.strictObject({
  env: z.string().min(1),
  /** `local`: start the reference stack and Prometheus for the run, stop them after. */
  target: z.literal('local').optional(),
  profile: z.string().min(1).default('deploy'),
  suites: z.string().optional(),
  faults: z.array(z.string().min(1)).default([]),
  pushMetrics: z.url({ protocol: /^https?$/ }).optional(),
  /** Prometheus API for the SLO suite when the target is not local (default $PROMETHEUS_URL). */
  prometheus: z.url({ protocol: /^https?$/ }).optional(),
  /** Remote-write URL for k6 when the target is not local. */
  prometheusRw: z.url({ protocol: /^https?$/ }).optional(),
  /** Overrides every load step's duration (e.g. a quicker deploy gate: 20s). */
  loadDuration: durationField('20s or 5m').optional(),
  /** Baseline file for the load steps that compare with one. */
  baseline: z.string().min(1).optional(),
  /** Overrides the profile's baseline policy (auto | require | off). */
  baselinePolicy: BaselinePolicy.optional(),
  /** Runs this scenario for every load step instead of the profile's (e.g. smoke-load: a short sanity load). */
  loadScenario: z.enum(SCENARIOS).optional(),
  /** A load settings file (YAML/JSON: rate, ramp, vus, thinkScale, tolerances, ...) for every load step. */
  loadConfig: z.string().min(1).optional(),
  /** Verify the pacts already in this folder instead of regenerating them with the consumer tests. */
  pacts: z.string().min(1).optional(),
  catalog: z.string().optional(),
}).superRefine((o, ctx) => {
  if (o.faults.length > 0 && o.target !== 'local') {
    ctx.addIssue({ code: 'custom', path: ['fault'], message: 'faults are injected into the reference stack: add --target local' });
  }
});
export type GateOptions = z.infer<typeof GateOptionsSchema>;

const FLAG_NAMES: Record<string, string> = { pushMetrics: 'push-metrics', prometheusRw: 'prometheus-rw', faults: 'fault', loadDuration: 'load-duration', loadScenario: 'load-scenario', loadConfig: 'load-config', baselinePolicy: 'baseline-policy' };

/** Parses the flags; every problem is a usage error naming the flag (`--push-metrics: ...`). */
export function parseGateOptions(input: unknown): GateOptions {
  const parsed = GateOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const details = formatIssues(parsed.error).map((line) => {
      const [field, ...rest] = line.split(': ');
      const flag = FLAG_NAMES[field?.replace(/\[\d+\]$/, '') ?? ''] ?? field;
      return `--${flag}: ${rest.join(': ')}`;
    });
    throw new UsageError(`gate: ${details[0] ?? 'invalid options'}`, details.slice(1));
  }
  return parsed.data;
}
