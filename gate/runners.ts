import type { SuiteResult } from '../core/result.ts';
import type { SuiteContext } from '../core/suite.ts';
import type { LoadStep, Tolerances } from './profile-schema.ts';

/** The SLO window the gate asks for: `windowMs` ending at `at`. */
export interface SloWindow {
  readonly windowMs: number;
  readonly at: Date;
  /** True when the window was derived from the run (profile `window: run`): it starts at the first load step. */
  readonly fromRun: boolean;
  /** Relative criteria against the last N stored evaluations (0: off). */
  readonly compareWith: number;
}

/**
 * The four suites as the gate drives them. The real ones (gate/suite-runners.ts) bind each
 * suite's runner to options built from the profile; tests pass fakes.
 */
export interface GateRunners {
  smoke(ctx: SuiteContext): Promise<SuiteResult>;
  contracts(ctx: SuiteContext): Promise<SuiteResult>;
  load(ctx: SuiteContext, step: LoadStep, tolerances: Tolerances | undefined): Promise<SuiteResult>;
  slo(ctx: SuiteContext, window: SloWindow): Promise<SuiteResult>;
}
