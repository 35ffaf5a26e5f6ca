import { z } from 'zod';
import { durationField } from '../../core/duration.ts';
import { EXPECTED_RPS } from '../lib/defaults.ts';
import { CriterionField } from './baseline/criteria.ts';

/**
 * The load suite's settings: CLI flags, an optional config file (`--config`), and the gate's
 * profile all land here. Defaults live in this schema only (rates derive from EXPECTED_RPS, shared
 * with the k6 side).
 */
/** The scenarios built on the hand-written journeys (a catalog says whether it has them: `load.journeys`). */
export const JOURNEY_SCENARIOS = ['smoke-load', 'load', 'stress', 'spike', 'soak'] as const;
/** ...and the every-service endpoints scenario, which any catalog can run. */
export const SCENARIOS = [...JOURNEY_SCENARIOS, 'endpoints'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
/** The journey scenarios the endpoints scenario can run beside (same ramp and hold). */
export const BESIDE_ENDPOINTS: readonly ScenarioName[] = ['load', 'soak'];

const duration = durationField('30s, 5m or 1h');
const criterion = CriterionField;

export const TolerancesSchema = z.strictObject({
  /** p95 latency per endpoint, relative to the baseline. */
  p95: criterion.default('<=+10%'),
  /** Throughput (req/s) per endpoint, relative to the baseline. */
  throughput: criterion.default('>=-10%'),
  /** Error rate per endpoint in percentage points above the baseline. */
  errorRate: criterion.default('<=+0.5'),
  /** A p95 rise smaller than this (ms) is noise between runs, never a regression. */
  minP95DeltaMs: z.number().nonnegative().default(25),
});

/** Soak drift: the last third of the hold against the first (same criterion syntax as the tolerances). */
export const DriftSchema = z.strictObject({
  p95: criterion.default('<=+20%'),
  errorRate: criterion.default('<=+0.5'),
  throughput: criterion.default('>=-10%'),
  /** A p95 rise smaller than this is noise, never drift. */
  minP95DeltaMs: z.number().nonnegative().default(10),
});

export const LoadSettingsSchema = z.strictObject({
  scenario: z.enum(SCENARIOS),
  /** Requests per second: hold rate (load, soak, endpoints), ceiling (stress), peak (spike). */
  rate: z.number().positive().optional(),
  /**
   * Run the every-service endpoints scenario beside the journeys (load, soak) in the same k6 test; on
   * a catalog without journeys (`load.journeys: false`) the step runs the endpoints scenario alone.
   */
  endpoints: z.boolean().default(false),
  /** Requests per second of the endpoints scenario (default: beside the journeys a tenth of their rate; alone the rate). */
  endpointsRate: z.number().positive().optional(),
  /** Hold (load), whole test (smoke-load, soak), climb (stress), peak (spike). */
  duration: duration.optional(),
  ramp: duration.optional(),
  vus: z.number().int().positive().optional(),
  /** 0 switches think times off. */
  thinkScale: z.number().nonnegative().optional(),
  /** k6 processes on this machine, each with its execution segment. */
  instances: z.number().int().min(1).max(32).default(1),
  /** Prometheus remote-write URL (e.g. http://127.0.0.1:9090/api/v1/write). */
  prometheusRw: z.url().optional(),
  allowProduction: z.boolean().default(false),
  /** Hosts on no catalog environment that load may be sent to anyway (`--allow-host`, explicit opt-in). */
  allowHosts: z.array(z.string().min(1)).default([]),
  /** Baseline file to compare with. */
  baseline: z.string().min(1).optional(),
  tolerances: TolerancesSchema.prefault({}),
  drift: DriftSchema.prefault({}),
  /** Endpoints with fewer requests (either side) are not compared with the baseline. */
  baselineMinRequests: z.number().int().nonnegative().default(100),
  /** The load the system must hold (seed 000: 1,000+ req/s): stress fails when it breaks below it. */
  expectedRps: z.number().positive().default(EXPECTED_RPS),
  droppedIterationsMax: z.number().int().nonnegative().default(0),
  /** Above this fraction of 429s the run measured the rate limiter, not the system: inconclusive. */
  rateLimitedMostly: z.number().gt(0).max(1).default(0.5),
  /** Stress: a window that achieves less than the offered rate by this fraction did not sustain it (the generator fell behind). */
  shortfallMax: z.number().gt(0).max(1).default(0.2),
  /** Stress: seconds a rate must hold to count as sustained. */
  sustainSeconds: z.number().int().min(1).max(60).default(5),
  /** The service every journey enters through; its SLOs are the overall thresholds (default: the catalog's `load.entry`). */
  entryService: z.string().min(1).optional(),
  /** k6's raw output format for the analyzer. */
  format: z.enum(['json', 'csv']).default('json'),
  /** Path to the k6 binary (default: $K6_BINARY, .tools/bin/k6, PATH). */
  k6: z.string().min(1).optional(),
});

export type LoadSettings = z.infer<typeof LoadSettingsSchema>;
/** What callers (CLI, gate) pass: defaults not yet applied. */
export type LoadOptions = z.input<typeof LoadSettingsSchema>;

/**
 * Settings a config file may set (everything but the scenario), each optional and without its
 * default: a default filled in while reading a scenario's section would override the shared value.
 */
const { scenario: _scenario, ...settingsShape } = LoadSettingsSchema.shape;
const optionalShape = Object.fromEntries(Object.entries(settingsShape).map(([key, field]) => [
  key,
  (field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? field.unwrap() : field).optional(),
])) as unknown as { [K in keyof typeof settingsShape]: z.ZodOptional<z.ZodType<NonNullable<z.input<(typeof settingsShape)[K]>>>> };
const ConfigSettingsSchema = z.strictObject(optionalShape);

/**
 * A load settings file: settings for every scenario, and under `scenarios.<name>` settings for one
 * scenario only, which win over the shared ones (the local target holds a steady rate, while its
 * stress ramp climbs to a ceiling of its own).
 */
export const LoadConfigFileSchema = ConfigSettingsSchema.extend({
  scenarios: z.partialRecord(z.enum(SCENARIOS), ConfigSettingsSchema).optional(),
}).strict();
export type LoadConfigFile = z.infer<typeof LoadConfigFileSchema>;
