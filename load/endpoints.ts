/**
 * endpoints: every service's key endpoints from the catalog, each in proportion to its `load.weight`,
 * one request per iteration on a deterministic weighted schedule (lib/mix.ts), tagged `service` and
 * `endpoint`; bodies and the login from the catalog. The requests come from a plan (lib/plan.ts) the
 * harness builds from the resolved catalog, since k6 reads no YAML: PLAN_FILE (absolute, or relative
 * to load/) or PLAN (the JSON itself). Secrets are not in the plan: the login's secret fields come
 * from LOGIN_<FIELD> (LOGIN_PASSWORD). The arrival rate ramps to ENDPOINTS_RATE or RATE (default
 * the expected load) over RAMP (30 s) and holds for DURATION (60 s) through at most VUS (100) VUs.
 * By hand, with the SLO thresholds of every service in the plan:
 *   tracseq-validate load plan --env local > plan.json
 *   k6 run load/endpoints.ts --env PLAN_FILE=$PWD/plan.json --env LOGIN_PASSWORD=<the login's password> --env RATE=20 --env DURATION=30s \
 *     --env THRESHOLDS="$(tracseq-validate load thresholds --env local --scenario endpoints)"
 */
import type { Options } from 'k6/options';
import { endpointIteration, prepareEndpoints, type EndpointsData } from './lib/endpoints.ts';
import { readEnv } from './lib/env.ts';
import { planServices, type Plan } from './lib/plan.ts';
import { endpointsProfile } from './lib/profiles.ts';
import { thresholdsFor } from './lib/thresholds.ts';

const ENV = readEnv({ baseUrl: false, plan: true });
const PLAN = ENV.plan as Plan;

if (__VU === 0) {
  for (const left of PLAN.leftOut) console.warn(`endpoints: not loaded: ${left.service} ${left.endpoint}: ${left.reason}`);
}

export const options: Options = { scenarios: endpointsProfile(ENV), thresholds: thresholdsFor(ENV, planServices(PLAN)), setupTimeout: '60s' };

export const setup = (): EndpointsData => prepareEndpoints(ENV, PLAN, true);

export const endpoint = (data: EndpointsData): void => endpointIteration(ENV, PLAN, data);
