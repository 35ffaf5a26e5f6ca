import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { ConfigError, UsageError } from '../../core/errors.ts';
import { servicesReached } from '../lib/mix.ts';
import { planServices, type Plan } from '../lib/plan.ts';
import { servicesUnderLoad } from '../lib/steps.ts';
import { buildPlan } from './endpoints/build-plan.ts';
import { scenarioRules, type ScenarioRules } from './scenario-rules.ts';
import { BESIDE_ENDPOINTS, type LoadSettings, type ScenarioName } from './settings.ts';

/**
 * What one load run sends, decided from the settings and the catalog: the hand-written journeys (a
 * catalog with `load.journeys`), the endpoints scenario (its plan), or both in one k6 test. A
 * catalog without journeys runs a step that asks for the endpoints as the endpoints scenario alone.
 */
export interface LoadShape {
  /** The scenario that runs (`endpoints` when a journeyless catalog's step runs it alone). */
  readonly scenario: ScenarioName;
  readonly rules: ScenarioRules;
  /** The service the journeys enter through (its SLOs judge all requests together); none without journeys. */
  readonly entry: string | undefined;
  readonly journeys: boolean;
  readonly plan: Plan | undefined;
  /** Every service the run sends requests to: each gets its per-service thresholds, no other does. */
  readonly loaded: readonly string[];
  readonly notes: readonly string[];
}

function journeysFit(resolved: ResolvedCatalog): void {
  const http = new Set(resolved.services.filter((s) => s.service.kind === 'http').map((s) => s.service.id));
  const unknown = servicesUnderLoad().filter((id) => !http.has(id));
  if (unknown.length > 0) throw new ConfigError(`catalog load.journeys: the hand-written journeys call ${unknown.join(', ')}, which the catalog has no http service for`);
}

export function loadShape(resolved: ResolvedCatalog, s: LoadSettings): LoadShape {
  const hasJourneys = resolved.catalog.load.journeys;
  const notes: string[] = [];
  if (s.endpoints && s.scenario !== 'endpoints' && !BESIDE_ENDPOINTS.includes(s.scenario)) {
    throw new UsageError(`endpoints: the endpoints scenario runs beside ${BESIDE_ENDPOINTS.join(' and ')} only, not ${s.scenario}`);
  }
  let scenario = s.scenario;
  if (scenario !== 'endpoints' && !hasJourneys) {
    if (!s.endpoints) throw new ConfigError(`catalog load.journeys is false: ${resolved.catalog.system} has no hand-written journeys for the ${scenario} scenario; run the endpoints scenario (\`load run endpoints\`)`);
    notes.push(`${resolved.catalog.system} has no hand-written journeys (load.journeys: false): the ${scenario} step runs the endpoints scenario alone`);
    scenario = 'endpoints';
  }
  const journeys = scenario !== 'endpoints';
  if (journeys) journeysFit(resolved);
  const entry = journeys ? s.entryService ?? resolved.catalog.load.entry : undefined;
  if (journeys && !entry) throw new ConfigError('catalog load.entry: the journeys need the service they enter through');
  const plan = scenario === 'endpoints' || s.endpoints ? buildPlan(resolved) : undefined;
  for (const left of plan?.leftOut ?? []) notes.push(`endpoints: not loaded: ${left.service} ${left.endpoint}: ${left.reason}`);
  const rules = scenarioRules(scenario);
  const loaded = [...new Set([...(rules.reach === 'none' ? [] : servicesReached(rules.reach)), ...planServices(plan)])].sort();
  return { scenario, rules, entry, journeys, plan, loaded, notes };
}
