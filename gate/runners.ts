import type { SuiteResult } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { BaselinePolicy } from '../load/run/baseline/policy.ts';
import type { LoadStep, Tolerances } from './profile-schema.ts';

/** Where the suites run: URLs for the SLO suite and k6 remote write, and whether the target is the local stack. */
export interface RunnerSetup {
  readonly prometheusUrl: string | undefined;
  readonly remoteWriteUrl: string | undefined;
  readonly baseline: string | undefined;
  /** Load settings file for every load step (`--load-config`). */
  readonly loadConfig?: string | undefined;
  /** Verify the pacts in this folder instead of regenerating them (`--pacts`). */
  readonly pacts?: string | undefined;
  readonly local: boolean;
  /**
   * The profile's name. A window derived from the run is stored and compared under `run:<profile>`,
   * not under its length: that changes by seconds from one run to the next.
   */
  readonly profile?: string;
}

/** What the profile (and its flags) say about every load step: baseline tolerances and policy. */
export interface LoadStepPolicy {
  readonly tolerances: Tolerances | undefined;
  readonly baselinePolicy: BaselinePolicy;
}

/** The SLO window the gate asks for: `windowMs` ending at `at`. */
export interface SloWindow {
  readonly windowMs: number;
  readonly at: Date;
  /** True when the window was derived from the run (profile `window: run`). */
  readonly fromRun: boolean;
  /** True when the window ends at the end of the run (no excluded load step came after it). */
  readonly endsNow: boolean;
  /** Relative criteria against the last N stored evaluations (0: off). */
  readonly compareWith: number;
  /** A latency change smaller than this (ms) meets the relative criteria. */
  readonly relativeNoiseMs: number;
}

/**
 * The four suites as the gate drives them. The real ones (gate/suite-runners.ts) bind each
 * suite's runner to options built from the profile; tests pass fakes.
 */
export interface GateRunners {
  smoke(ctx: SuiteContext): Promise<SuiteResult>;
  contracts(ctx: SuiteContext): Promise<SuiteResult>;
  load(ctx: SuiteContext, step: LoadStep, policy: LoadStepPolicy): Promise<SuiteResult>;
  slo(ctx: SuiteContext, window: SloWindow): Promise<SuiteResult>;
}
