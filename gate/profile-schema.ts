import { z } from 'zod';
import { durationField } from '../core/duration.ts';
import { SuiteName } from '../core/result.ts';
import { BaselinePolicy } from '../load/run/baseline/policy.ts';
import { TrendSettings } from './history/trend.ts';
import { SCENARIOS } from '../load/run/settings.ts';

/** The schema of gate/profiles.yaml. Defaults live here and nowhere else. */

const duration = durationField('60s or 5m');

export const LoadStepSchema = z.strictObject({
  /** A k6 scenario under load/ (smoke-load, load, stress, spike, soak, endpoints). */
  scenario: z.enum(SCENARIOS),
  /**
   * Also load every HTTP service of the catalog: the endpoints scenario beside the journeys (load,
   * soak) in the same k6 test; on a catalog without journeys the step runs the endpoints scenario alone.
   */
  endpoints: z.boolean().default(false),
  /** Overrides the scenario's own duration (k6 style). */
  duration: duration.optional(),
  /** Compare this run with the stored baseline for the scenario. */
  baseline: z.boolean().default(false),
  /** Count this step in the SLO window; false for a ramp that breaks the system on purpose (stress). */
  slo: z.boolean().default(true),
});
export type LoadStep = z.infer<typeof LoadStepSchema>;

export const ToleranceSchema = z.strictObject({
  p95: z.string().min(1),
  throughput: z.string().min(1),
  errorRate: z.string().min(1),
});
export type Tolerances = z.infer<typeof ToleranceSchema>;

export const ProfileSchema = z.strictObject({
  description: z.string().min(1),
  /** Suites to run, in gate order (smoke, contracts, load, slo). */
  suites: z.array(SuiteName).min(1),
  load: z.array(LoadStepSchema).default([]),
  /** `run`: the SLO window is the time since the gate's first load step started. */
  slo: z
    .strictObject({
      window: z.union([z.literal('run'), duration]).default('run'),
      /** Relative criteria against the last N stored evaluations (0: off). */
      compareWith: z.number().int().min(0).default(0),
      /** A latency change smaller than this (ms) meets the relative criteria: noise, not a regression. */
      relativeNoiseMs: z.number().nonnegative().default(25),
    })
    .prefault({}),
  /**
   * What a step that compares with a baseline does when there is none for its target, environment
   * and scenario: `auto` records a passing run as the baseline, `require` is inconclusive, `off` never compares.
   */
  baselinePolicy: BaselinePolicy.default('auto'),
  /** Baseline tolerances (Keptn-style criteria: `<=+10%`, `>=-10%`, `<=+0.5` percentage points); omitted: the load suite's defaults. */
  tolerances: ToleranceSchema.optional(),
  /**
   * The run history (reports/history/<target>-<env>-<profile>.jsonl): every run is appended and the
   * report draws the last `nights`; with `compare`, a step change against the trend fails the run.
   */
  trend: TrendSettings.prefault({}),
  /** Release runs: a warning fails the gate. */
  warningsFail: z.boolean().default(false),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const ProfileName = z.enum(['pr', 'deploy', 'nightly', 'release']);
export type ProfileName = z.infer<typeof ProfileName>;

export const ProfilesFileSchema = z
  .strictObject({ profiles: z.partialRecord(ProfileName, ProfileSchema) })
  .superRefine((file, ctx) => {
    for (const [name, profile] of Object.entries(file.profiles)) {
      if (profile.suites.includes('load') && profile.load.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['profiles', name, 'load'], message: 'the profile runs the load suite but lists no load step' });
      }
      const firstExcluded = profile.load.findIndex((step) => !step.slo);
      const countedAfter = firstExcluded >= 0 ? profile.load.findIndex((step, i) => i > firstExcluded && step.slo) : -1;
      if (countedAfter >= 0) {
        ctx.addIssue({ code: 'custom', path: ['profiles', name, 'load', countedAfter, 'slo'], message: 'steps outside the SLO window (slo: false) must come after every step inside it' });
      }
    }
  });
export type ProfilesFile = z.infer<typeof ProfilesFileSchema>;
