import type { ResolvedCatalog } from '../../core/catalog/resolve.ts';
import { findService } from '../../core/catalog/resolve.ts';
import { ConfigError } from '../../core/errors.ts';
import { loginCredentials } from './endpoints/login.ts';
import type { LoadShape } from './load-shape.ts';
import type { LoadSettings } from './settings.ts';
import { renderK6Thresholds, type ThresholdSpec } from './thresholds/spec.ts';

/**
 * The --env values handed to a scenario (read on the k6 side by load/lib/env.ts): the gateway URL
 * (journeys), the endpoints plan (a file, or inline for an archive), the thresholds generated from the
 * SLOs, and only the overrides the caller set (the scenario's own defaults apply otherwise). The
 * login's credentials (loginCredentials) are separate: --env on this machine, a Secret on a cluster.
 */
export function gatewayUrl(resolved: ResolvedCatalog, entryService: string): string {
  const url = findService(resolved, entryService).baseUrl;
  if (!url) throw new ConfigError(`environment "${resolved.env}": ${entryService} has no URL to send load to`);
  return url;
}

/** Every URL the run sends requests to: the entry (journeys) and each planned endpoint's. */
export function loadTargets(resolved: ResolvedCatalog, shape: LoadShape): string[] {
  return [...new Set([...(shape.journeys && shape.entry ? [gatewayUrl(resolved, shape.entry)] : []), ...(shape.plan?.endpoints.map((e) => e.url) ?? [])])];
}

export interface PlanDelivery {
  /** Absolute path of the plan file k6 opens; without it the plan goes inline (PLAN). */
  readonly planFile?: string;
}

export function k6Env(resolved: ResolvedCatalog, s: LoadSettings, shape: LoadShape, thresholds: readonly ThresholdSpec[], delivery: PlanDelivery = {}): Record<string, string> {
  const env: Record<string, string> = {
    EXPECTED_RPS: String(s.expectedRps),
    THRESHOLDS: JSON.stringify(renderK6Thresholds(thresholds)),
  };
  if (shape.journeys && shape.entry) env['BASE_URL'] = gatewayUrl(resolved, shape.entry);
  if (shape.plan) {
    if (delivery.planFile) env['PLAN_FILE'] = delivery.planFile;
    else env['PLAN'] = JSON.stringify(shape.plan);
  }
  if (s.rate !== undefined) env['RATE'] = String(s.rate);
  if (s.endpointsRate !== undefined && shape.plan) env['ENDPOINTS_RATE'] = String(s.endpointsRate);
  if (s.duration !== undefined) env['DURATION'] = s.duration;
  if (s.ramp !== undefined) env['RAMP'] = s.ramp;
  if (s.vus !== undefined) env['VUS'] = String(s.vus);
  if (s.thinkScale !== undefined) env['THINK_SCALE'] = String(s.thinkScale);
  return env;
}

/** The k6 env with the login's credentials (a run on this machine). */
export function k6EnvWithLogin(resolved: ResolvedCatalog, s: LoadSettings, shape: LoadShape, thresholds: readonly ThresholdSpec[], delivery: PlanDelivery = {}): Record<string, string> {
  return { ...k6Env(resolved, s, shape, thresholds, delivery), ...loginCredentials(resolved) };
}
