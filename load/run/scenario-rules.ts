import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/suite.ts';
import { requestsPerIteration as journeyRequestsPerIteration } from '../lib/mix.ts';
import type { ScenarioName } from './settings.ts';
import type { ThresholdSet } from './thresholds/generate.ts';

/** Per scenario: its k6 file, which thresholds judge it, and whether it has a stress or drift analysis. */
export interface ScenarioRules {
  readonly script: string;
  readonly thresholds: ThresholdSet;
  /** Breaking point / recovery analysis from the raw results. */
  readonly stressAnalysis: boolean;
  /** Judge the breaking point against the expected load (a climb to a ceiling: stress only). */
  readonly judgeBreakingPoint: boolean;
  /** Compare the last third of the hold with the first (soak only). */
  readonly driftAnalysis: boolean;
  /** Which hand-written requests the script makes (lib/mix.ts servicesReached): none for the endpoints scenario. */
  readonly reach: 'journeys' | 'single' | 'none';
}

export function scenarioRules(name: ScenarioName): ScenarioRules {
  const script = join(PROJECT_ROOT, 'load', `${name}.ts`);
  switch (name) {
    case 'stress': return { script, thresholds: 'none', stressAnalysis: true, judgeBreakingPoint: true, driftAnalysis: false, reach: 'single' };
    case 'spike': return { script, thresholds: 'errors-only', stressAnalysis: true, judgeBreakingPoint: false, driftAnalysis: false, reach: 'single' };
    case 'endpoints': return { script, thresholds: 'full', stressAnalysis: false, judgeBreakingPoint: false, driftAnalysis: false, reach: 'none' };
    default: return { script, thresholds: 'full', stressAnalysis: false, judgeBreakingPoint: false, driftAnalysis: name === 'soak', reach: 'journeys' };
  }
}

/** Requests one iteration of a scenario's exec function makes on average (journeys: by the mix; stress/spike and endpoints: 1). */
export function requestsPerIteration(exec: string): number | undefined {
  if (exec === 'step' || exec === 'endpoint') return 1;
  return exec === 'journey' ? journeyRequestsPerIteration() : undefined;
}
